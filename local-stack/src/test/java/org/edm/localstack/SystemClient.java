package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user's script does against the running system: multipart uploads and JSON reads
 * over real HTTP, with the admin API key the stack created.
 */
final class SystemClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final SharedStack stack;

    SystemClient(SharedStack stack) {
        this.stack = stack;
    }

    HttpResponse<String> upload(byte[] pdf, String fileName, String title, String version)
            throws IOException, InterruptedException {
        String boundary = "edm-" + UUID.randomUUID();
        String head = field(boundary, "title", title) + field(boundary, "version", version) + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(stack.ingest.resolve("/api/documents"))
            .header("Authorization", stack.authorization())
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                    HttpRequest.BodyPublishers.ofByteArray(pdf), HttpRequest.BodyPublishers.ofString(tail)))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Uploads and returns the new document's id, failing unless the upload was accepted.
     */
    String uploadAccepted(byte[] pdf, String title, String version) throws IOException, InterruptedException {
        HttpResponse<String> response = upload(pdf, "spec.pdf", title, version);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    /** GET on the search API; null unless 200. */
    @Nullable JsonNode search(String pathAndQuery) throws IOException, InterruptedException {
        return getJson(stack.search.resolve(pathAndQuery));
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri)
            .header("Authorization", stack.authorization())
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nullable JsonNode getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = get(uri);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /**
     * The document's processing status as the search API reports it, or null when
     * unknown.
     */
    @Nullable String status(String documentId) throws IOException, InterruptedException {
        JsonNode document = search("/api/documents/" + documentId);
        return document == null ? null : document.path("status").asString(null);
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

}
