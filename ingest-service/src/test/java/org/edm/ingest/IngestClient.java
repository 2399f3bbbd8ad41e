package org.edm.ingest;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running service, as an outside client talks to it; never throws
 * for a status.
 */
public final class IngestClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    public IngestClient(int port) {
        this(port, null);
    }

    /**
     * A client that sends {@code apiKey} as {@code Authorization: Bearer <key>} with
     * every request (if not null).
     */
    public IngestClient(int port, @Nullable String apiKey) {
        this.http = RestClient.builder()
            .requestFactory(new JdkClientHttpRequestFactory())
            .baseUrl("http://localhost:" + port)
            .defaultHeaders(headers -> {
                if (apiKey != null) {
                    headers.setBearerAuth(apiKey);
                }
            })
            .defaultStatusHandler(status -> true, (request, response) -> {
            })
            .build();
    }

    public Response upload(Upload upload) {
        return upload(upload, null);
    }

    /**
     * An upload with an {@code X-Edm-Priority} header ({@code bulk}, {@code interactive},
     * or anything to refuse).
     */
    public Response upload(Upload upload, @Nullable String priority) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (upload.file() != null) {
            HttpHeaders fileHeaders = new HttpHeaders();
            fileHeaders
                .setContentDisposition(ContentDisposition.formData().name("file").filename(upload.filename()).build());
            fileHeaders.setContentType(MediaType.APPLICATION_PDF);
            parts.add("file", new HttpEntity<>(new ByteArrayResource(upload.file()), fileHeaders));
        }
        if (upload.title() != null) {
            parts.add("title", upload.title());
        }
        if (upload.version() != null) {
            parts.add("version", upload.version());
        }
        if (upload.metadata() != null) {
            parts.add("metadata", upload.metadata());
        }
        return respond(http.post().uri("/api/documents").contentType(MediaType.MULTIPART_FORM_DATA).headers(headers -> {
            if (upload.idempotencyKey() != null) {
                headers.set("Idempotency-Key", upload.idempotencyKey());
            }
            if (priority != null) {
                headers.set("X-Edm-Priority", priority);
            }
        }).body(parts).retrieve().toEntity(String.class));
    }

    public Response get(String path) {
        return respond(http.get()
            .uri(URI.create(path).isAbsolute() ? URI.create(path).getPath() : path)
            .retrieve()
            .toEntity(String.class));
    }

    /** A GET with one extra header (e.g. {@code X-Api-Key}). */
    public Response getWithHeader(String path, String header, String value) {
        return respond(http.get().uri(path).header(header, value).retrieve().toEntity(String.class));
    }

    public Response delete(String path) {
        return respond(http.delete().uri(path).retrieve().toEntity(String.class));
    }

    public Response post(String path) {
        return respond(http.post().uri(path).retrieve().toEntity(String.class));
    }

    /** A POST with any body and content type, for requests that are not multipart. */
    public Response post(String path, MediaType contentType, String body) {
        return respond(http.post().uri(path).contentType(contentType).body(body).retrieve().toEntity(String.class));
    }

    private static Response respond(ResponseEntity<String> entity) {
        String raw = entity.getBody() == null ? "" : entity.getBody();
        MediaType type = entity.getHeaders().getContentType();
        boolean isJson = type != null
                && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"));
        JsonNode json = raw.isBlank() || !isJson ? JSON.createObjectNode() : JSON.readTree(raw);
        return new Response(entity.getStatusCode().value(), entity.getHeaders(), json, raw);
    }

    /** What an upload sends; null parts are left out. */
    public record Upload(byte @Nullable [] file, String filename, @Nullable String title, @Nullable String version,
            @Nullable String metadata, @Nullable String idempotencyKey) {

        public static Upload of(byte[] file, String title, String version) {
            return new Upload(file, "spec.pdf", title, version, null, null);
        }

        public Upload withFile(byte @Nullable [] bytes) {
            return new Upload(bytes, filename, title, version, metadata, idempotencyKey);
        }

        public Upload withTitle(@Nullable String value) {
            return new Upload(file, filename, value, version, metadata, idempotencyKey);
        }

        public Upload withVersion(@Nullable String value) {
            return new Upload(file, filename, title, value, metadata, idempotencyKey);
        }

        public Upload withMetadata(@Nullable String value) {
            return new Upload(file, filename, title, version, value, idempotencyKey);
        }

        public Upload withIdempotencyKey(@Nullable String value) {
            return new Upload(file, filename, title, version, metadata, value);
        }
    }

    public record Response(int status, HttpHeaders headers, JsonNode body, String raw) {

        public String problemType() {
            return body.path("type").asString("");
        }

        public String id() {
            return body.path("id").asString();
        }

        public @Nullable String header(String name) {
            return headers.getFirst(name);
        }

        public Map<String, Object> summary() {
            return Map.of("status", status, "body", raw);
        }
    }

}
