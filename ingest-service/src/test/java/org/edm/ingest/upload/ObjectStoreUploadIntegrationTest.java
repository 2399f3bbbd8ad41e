package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code edm.storage.type=s3} an upload's PDF goes to the bucket (a real
 * S3-compatible server, s3proxy), is served from it and deleted from it; while the store
 * is down, uploads answer {@code 503 storage-unavailable} and leave nothing behind.
 */
@TestPropertySource(properties = { "edm.storage.type=s3", "edm.storage.s3.prefix=pdfs",
        "edm.storage.s3.path-style=true", "edm.storage.s3.api-call-timeout=5s" })
class ObjectStoreUploadIntegrationTest extends IngestIntegrationTest {

    private static final S3ProxyServer S3 = startS3();

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void objectStore(DynamicPropertyRegistry registry) {
        registry.add("edm.storage.s3.bucket", S3::bucket);
        registry.add("edm.storage.s3.endpoint", () -> S3.endpoint().toString());
    }

    @AfterAll
    static void stopS3() {
        S3.close();
    }

    @Test
    void anUploadedPdfIsAnObjectInTheBucketThatIsServedAndDeletedWithItsDocument() throws Exception {
        // given
        String title = uniqueTitle("Stored in a bucket");
        byte[] pdf = TestPdfs.withText(title);

        // when
        var uploaded = client.upload(Upload.of(pdf, title, "1"));

        // then: the object holds the upload; nothing but the staging area is on the local
        // disk
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(202);
        String key = fileKey(uploaded.id());
        assertThat(S3.objectFile("pdfs/" + key)).hasBinaryContent(pdf);
        assertThat(Files.exists(storageRoot().resolve(key))).isFalse();
        HttpResponse<byte[]> file = http.send(HttpRequest
            .newBuilder(URI.create("http://localhost:" + port + "/api/documents/" + uploaded.id() + "/file"))
            .header("Authorization", "Bearer " + documentsKey())
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);

        // when / then
        assertThat(client.delete("/api/documents/" + uploaded.id()).status()).isEqualTo(204);
        assertThat(S3.objectFile("pdfs/" + key)).doesNotExist();
    }

    @Test
    void whileTheObjectStoreIsDownUploadsAreRefusedWith503AndWorkWhenItIsBack() {
        // given
        String title = uniqueTitle("During object store outage");
        Upload upload = Upload.of(TestPdfs.withText(title), title, "1");

        S3.stop();
        try {
            // when
            var refused = client.upload(upload);

            // then
            assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
            assertThat(refused.problemType()).isEqualTo("https://edm.example/problems/storage-unavailable");
            assertThat(documentsTitled(title)).isZero();
            assertThat(outboxRowsTitled(title)).isZero();
        }
        finally {
            S3.restart();
        }

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> client.upload(upload).status() == 202);
        assertThat(documentsTitled(title)).isEqualTo(1);
    }

    private String fileKey(String id) {
        return jdbc.sql("SELECT file_path FROM documents WHERE id = CAST(:id AS uuid)")
            .param("id", id)
            .query(String.class)
            .single();
    }

    private static S3ProxyServer startS3() {
        S3ProxyServer server = S3ProxyServer.start("edm-ingest");
        // the SDK's default credentials chain reads these system properties
        System.setProperty("aws.accessKeyId", server.accessKey());
        System.setProperty("aws.secretAccessKey", server.secretKey());
        return server;
    }

}
