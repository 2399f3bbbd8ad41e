package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.edm.ingest.IngestClient;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.ingest.storage.DocumentStorage;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A storage that cannot take a file answers an upload over HTTP with 503
 * {@code storage-unavailable} and {@code Retry-After}, keeps no row, and works again once
 * the storage is back.
 */
class StorageOutageIntegrationTest extends IngestIntegrationTest {

    @Autowired
    DocumentStorage storage;

    @Test
    void uploadIsRefusedWithRetryAfterWhileTheStorageCannotWriteAndAcceptedOnceItCan() throws IOException {
        // given: every shard directory a document can be stored in (the first two hex
        // digits of its id) replaced by
        // a plain file, so that the file cannot be put under its key. Root ignores
        // permissions; a file where a
        // directory belongs stops everyone. (Staging stays intact: the container spools
        // the upload there.)
        String title = uniqueTitle("During storage outage");
        Upload upload = Upload.of(TestPdfs.withText(title), title, "1");
        List<Path> filesBefore = storedFiles();
        Path aside = Files.createTempDirectory(storageRoot().getParent(), "shards-aside");
        blockShards(aside);
        try {
            // when
            var refused = client.upload(upload);

            // then
            assertRefusedAsStorageUnavailable(refused, title);
            assertThat(outboxRowsTitled(title)).isZero();
        }
        finally {
            restoreShards(aside);
        }
        assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(filesBefore);

        // and: the same upload is taken once the storage can write again
        var accepted = client.upload(upload);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        assertThat(documentsTitled(title)).isEqualTo(1);
    }

    @Test
    void uploadIsRefusedAsStorageUnavailableWhileTheSpoolDirectoryCannotTakeItsBody() throws IOException {
        // given: the landing directory the container spools upload bodies into replaced
        // by a plain file (the storage's disk, not the client, is at fault)
        String title = uniqueTitle("During spool outage");
        Upload upload = Upload.of(TestPdfs.withText(title), title, "1");
        Path landing = storage.landingDirectory();
        Path aside = Files.createTempDirectory(landing.getParent(), "landing-aside");
        Files.move(landing, aside.resolve("landing"));
        Files.writeString(landing, "not a directory");
        try {
            // when
            var refused = client.upload(upload);

            // then: 503 storage-unavailable with Retry-After, not 400 malformed-request
            assertRefusedAsStorageUnavailable(refused, title);
        }
        finally {
            Files.delete(landing);
            Files.move(aside.resolve("landing"), landing);
            Files.delete(aside);
        }

        // and: accepted once the directory is back
        var accepted = client.upload(upload);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
    }

    private static void blockShards(Path aside) throws IOException {
        for (int shard = 0; shard < 256; shard++) {
            String name = HexFormat.of().toHexDigits((byte) shard);
            Path directory = storageRoot().resolve(name);
            if (Files.isDirectory(directory)) {
                Files.move(directory, aside.resolve(name));
            }
            Files.writeString(directory, "not a directory");
        }
    }

    private static void restoreShards(Path aside) throws IOException {
        for (int shard = 0; shard < 256; shard++) {
            String name = HexFormat.of().toHexDigits((byte) shard);
            Files.deleteIfExists(storageRoot().resolve(name));
            if (Files.isDirectory(aside.resolve(name))) {
                Files.move(aside.resolve(name), storageRoot().resolve(name));
            }
        }
        Files.delete(aside);
    }

    /** 503 storage-unavailable with Retry-After, and no document written. */
    private void assertRefusedAsStorageUnavailable(IngestClient.Response refused, String title) {
        assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
        assertThat(refused.problemType()).isEqualTo("https://edm.example/problems/storage-unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(documentsTitled(title)).isZero();
    }

}
