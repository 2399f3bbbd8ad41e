package org.edm.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.edm.objectstore.ObjectStoreSettings;
import org.edm.testsupport.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link S3DocumentStorage} against a real S3-compatible server (s3proxy). */
class S3DocumentStorageTest {

    private static S3ProxyServer server;

    @TempDir
    Path staging;

    private S3DocumentStorage storage;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start("edm-documents");
        // the SDK's default credentials chain reads these system properties
        System.setProperty("aws.accessKeyId", server.accessKey());
        System.setProperty("aws.secretAccessKey", server.secretKey());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeClient() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void aPromotedFileIsAnObjectUnderThePrefixThatReadsBackAndDeletes() throws IOException {
        // given
        storage = storage("files/", server.endpoint());
        byte[] content = "%PDF-1.7 stored in a bucket".getBytes(StandardCharsets.US_ASCII);
        String key = StorageKeys.forDocument(UUID.randomUUID());

        // when
        StagedFile staged = storage.stage(new ByteArrayInputStream(content));
        storage.promote(staged, key);

        // then: the object holds the bytes, under the prefix; nothing stays in the local
        // staging area
        assertThat(storage.exists(key)).isTrue();
        try (InputStream in = storage.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(server.objectFile("files/" + key)).hasBinaryContent(content);
        assertThat(stagedFiles()).isZero();

        // when / then: deleted once, then gone
        assertThat(storage.delete(key)).isTrue();
        assertThat(storage.exists(key)).isFalse();
        assertThat(storage.delete(key)).isFalse();
    }

    @Test
    void aMissingObjectIsNoSuchFileAndDoesNotExist() {
        // given
        storage = storage("", server.endpoint());
        String key = StorageKeys.forDocument(UUID.randomUUID());

        // when / then
        assertThat(storage.exists(key)).isFalse();
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(NoSuchFileException.class).hasMessage(key);
    }

    @Test
    void promotionNeverReplacesAnExistingObject() throws IOException {
        // given
        storage = storage("", server.endpoint());
        String key = StorageKeys.forDocument(UUID.randomUUID());
        storage.promote(storage.stage(new ByteArrayInputStream(new byte[] { 1 })), key);
        StagedFile second = storage.stage(new ByteArrayInputStream(new byte[] { 2 }));

        // when / then
        assertThatThrownBy(() -> storage.promote(second, key)).isInstanceOf(FileAlreadyExistsException.class);
        try (InputStream in = storage.open(key)) {
            assertThat(in.readAllBytes()).containsExactly(1);
        }
    }

    @Test
    void theOrphanSweepListsTheKeysUnderThePrefixOlderThanTheCutoff() throws IOException {
        // given: one object under this prefix and one under another
        String prefix = "sweep-" + UUID.randomUUID() + "/";
        storage = storage(prefix, server.endpoint());
        String key = StorageKeys.forDocument(UUID.randomUUID());
        storage.promote(storage.stage(new ByteArrayInputStream(new byte[] { 1 })), key);
        try (S3DocumentStorage other = storage("elsewhere/", server.endpoint())) {
            other.promote(other.stage(new ByteArrayInputStream(new byte[] { 2 })),
                    StorageKeys.forDocument(UUID.randomUUID()));
        }

        // when / then: keys come back without the prefix, only when older than the cutoff
        assertThat(storage.keysModifiedBefore(Instant.now().plus(Duration.ofMinutes(1)))).containsExactly(key);
        assertThat(storage.keysModifiedBefore(Instant.now().minus(Duration.ofMinutes(10)))).isEmpty();
    }

    @Test
    void anUnreachableStoreFailsEveryOperationWithAnIOExceptionAndKeepsTheStagedFile() throws IOException {
        // given: nobody listens at the endpoint
        storage = storage("", S3ProxyServer.unreachableEndpoint());
        String key = StorageKeys.forDocument(UUID.randomUUID());
        StagedFile staged = storage.stage(new ByteArrayInputStream(new byte[] { 1 }));

        // when / then
        assertThatThrownBy(() -> storage.promote(staged, key)).isInstanceOf(IOException.class)
            .hasMessageContaining("object store");
        assertThat(stagedFiles()).as("the staged file stays until the caller discards it").isOne();
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(IOException.class)
            .isNotInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> storage.delete(key)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> storage.exists(key)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> storage.keysModifiedBefore(Instant.now())).isInstanceOf(IOException.class);
        storage.discard(staged);
        assertThat(stagedFiles()).isZero();
    }

    private S3DocumentStorage storage(String prefix, java.net.URI endpoint) {
        var settings = new ObjectStoreSettings(server.bucket(), prefix, endpoint, "us-east-1", true,
                Duration.ofSeconds(5));
        return new S3DocumentStorage(settings.client(), server.bucket(), settings.prefix(),
                new FileSystemDocumentStorage(staging));
    }

    private long stagedFiles() throws IOException {
        try (var files = Files.list(staging.resolve(".staging"))) {
            return files.count();
        }
    }

}
