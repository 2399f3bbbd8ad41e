package org.edm.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.UUID;

import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.TestApiKeys;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/documents/{id}/file}: the stored PDF, byte for byte, for readers only.
 */
class DocumentFileIntegrationTest extends IngestIntegrationTest {

    private static final String PROBLEMS = "https://edm.example/problems/";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReaderDownloadsTheStoredPdfByteForByte() throws Exception {
        // given
        String title = uniqueTitle("Ouch/Orders");
        byte[] pdf = TestPdfs.withText(title);
        String id = client.upload(Upload.of(pdf, title, "4.2")).id();
        String reader = TestApiKeys.shared().create("documents:read");

        // when
        HttpResponse<byte[]> response = get("/api/documents/" + id + "/file", reader);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(pdf.length);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline")
            .contains(".pdf")
            .doesNotContain("/");
        assertThat(response.body()).isEqualTo(pdf);
    }

    @Test
    void withoutAKeyTheFileIsRefused() throws Exception {
        String title = uniqueTitle("Private");
        String id = client.upload(Upload.of(TestPdfs.withText(title), title, "1.0")).id();

        HttpResponse<byte[]> response = get("/api/documents/" + id + "/file", null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownDocumentHasNoFile() throws Exception {
        HttpResponse<byte[]> response = get("/api/documents/" + UUID.randomUUID() + "/file", documentsKey());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problemType(response)).isEqualTo(PROBLEMS + "document-not-found");
    }

    @Test
    void aFileRemovedBehindTheServicesBackIsAProblemNotAnError() throws Exception {
        // given: the row stays, the file is gone
        String title = uniqueTitle("Vanished");
        String id = client.upload(Upload.of(TestPdfs.withText(title), title, "1.0")).id();
        String key = jdbc.sql("SELECT file_path FROM documents WHERE id = :id::uuid")
            .param("id", id)
            .query(String.class)
            .single();
        Files.delete(storageRoot().resolve(key));

        // when
        HttpResponse<byte[]> response = get("/api/documents/" + id + "/file", documentsKey());

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problemType(response)).isEqualTo(PROBLEMS + "document-file-missing");
    }

    private HttpResponse<byte[]> get(String path, @Nullable String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String problemType(HttpResponse<byte[]> response) {
        JsonNode body = json(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        return body.path("type").asString();
    }

}
