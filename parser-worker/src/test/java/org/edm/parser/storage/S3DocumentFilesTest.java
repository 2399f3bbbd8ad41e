package org.edm.parser.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.edm.objectstore.ObjectStoreSettings;
import org.edm.testsupport.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;

/** {@link S3DocumentFiles} against a real S3-compatible server (s3proxy). */
class S3DocumentFilesTest {

    private static S3ProxyServer server;

    @TempDir
    Path downloads;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start("edm-parser");
        // the SDK's default credentials chain reads these system properties
        System.setProperty("aws.accessKeyId", server.accessKey());
        System.setProperty("aws.secretAccessKey", server.secretKey());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aStoredObjectIsFetchedAsATemporaryCopyThatClosingDeletes() throws Exception {
        // given
        byte[] pdf = "%PDF-1.7 in the bucket".getBytes();
        try (S3DocumentFiles files = files(server.endpoint())) {
            putObject("pdfs/ab/ab-1.pdf", pdf);

            // when
            Path copy;
            try (LocalPdf local = files.fetch("ab/ab-1.pdf")) {
                copy = local.path();

                // then
                assertThat(copy).hasBinaryContent(pdf).startsWith(downloads);
            }
            assertThat(copy).doesNotExist();
        }
    }

    @Test
    void aMissingObjectIsAPermanentFailureAndLeavesNoDownload() throws Exception {
        try (S3DocumentFiles files = files(server.endpoint())) {
            assertThatThrownBy(() -> files.fetch("cd/missing.pdf")).isInstanceOf(StoredFileMissing.class);
            assertThat(downloadsLeft()).isZero();
        }
    }

    @Test
    void anUnreachableStoreIsATransientFailureAndLeavesNoDownload() throws Exception {
        try (S3DocumentFiles files = files(S3ProxyServer.unreachableEndpoint())) {
            assertThatThrownBy(() -> files.fetch("cd/any.pdf")).isInstanceOf(StorageUnavailable.class)
                .hasMessageContaining("object store");
            assertThat(downloadsLeft()).isZero();
        }
    }

    @Test
    void keysThatCannotNameAStoredObjectAreRefused() throws Exception {
        try (S3DocumentFiles files = files(server.endpoint())) {
            assertThatThrownBy(() -> files.fetch(null)).isInstanceOf(UnsafeFileKey.class);
            assertThatThrownBy(() -> files.fetch(" ")).isInstanceOf(UnsafeFileKey.class);
            assertThatThrownBy(() -> files.fetch("../other/x.pdf")).isInstanceOf(UnsafeFileKey.class);
            assertThatThrownBy(() -> files.fetch("/abs.pdf")).isInstanceOf(UnsafeFileKey.class);
        }
    }

    private S3DocumentFiles files(java.net.URI endpoint) {
        var settings = new ObjectStoreSettings(server.bucket(), "pdfs", endpoint, "us-east-1", true,
                Duration.ofSeconds(5));
        return new S3DocumentFiles(settings.client(), server.bucket(), settings.prefix(), downloads);
    }

    private void putObject(String key, byte[] content) {
        var settings = new ObjectStoreSettings(server.bucket(), "", server.endpoint(), "us-east-1", true,
                Duration.ofSeconds(5));
        try (var s3 = settings.client()) {
            s3.putObject(r -> r.bucket(server.bucket()).key(key), RequestBody.fromBytes(content));
        }
    }

    private long downloadsLeft() throws Exception {
        try (var files = Files.list(downloads)) {
            return files.count();
        }
    }

}
