package org.edm.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.edm.web.api.ApiViews.Comparison;
import org.edm.web.api.ApiViews.DocumentDetail;
import org.edm.web.api.ApiViews.FamilyDetail;
import org.edm.web.api.ApiViews.FamilyList;
import org.edm.web.api.ApiViews.DocumentList;
import org.edm.web.api.ApiViews.Me;
import org.edm.web.api.ApiViews.Outline;
import org.edm.web.api.ApiViews.SearchPage;
import org.edm.web.api.ApiViews.SectionView;
import org.edm.web.api.ApiViews.UploadReceipt;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two APIs as the web module calls them: every call carries the signed-in person's
 * key as {@code Authorization: Bearer}; an error answer becomes an {@link ApiProblem}, an
 * unreachable API {@link ApiUnavailable}.
 */
@Component
public class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient ingest;

    private final RestClient search;

    ApiClient(ApiSettings settings) {
        var factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        factory.setReadTimeout(settings.readTimeout());
        RestClient.Builder common = RestClient.builder()
            .requestFactory(factory)
            .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                throw problem(response);
            });
        this.ingest = common.clone().baseUrl(settings.ingestUrl().toString()).build();
        this.search = common.clone().baseUrl(settings.searchUrl().toString()).build();
    }

    /**
     * Who the key belongs to and what it may do; {@link ApiProblem} 401 for a wrong or
     * revoked key.
     */
    public Me me(ApiKey key) {
        return call("search-api", () -> search.get().uri("/api/me").headers(bearer(key)).retrieve().body(Me.class));
    }

    /**
     * {@code GET /api/documents}: {@code title} is a substring of the title,
     * {@code family} a version family (its key or a spelling of its title: the exact
     * family, as the versions feature groups documents).
     */
    public DocumentList documents(ApiKey key, @Nullable String status, @Nullable String title, @Nullable String family,
            @Nullable String cursor, int limit) {
        Map<String, @Nullable Object> query = new LinkedHashMap<>();
        query.put("status", status);
        query.put("title", title);
        query.put("family", family);
        query.put("cursor", cursor);
        query.put("limit", limit);
        return call("search-api",
                () -> search.get()
                    .uri(uri -> build(uri.path("/api/documents"), query))
                    .headers(bearer(key))
                    .retrieve()
                    .body(DocumentList.class));
    }

    public DocumentDetail document(ApiKey key, UUID id) {
        return call("search-api",
                () -> search.get()
                    .uri("/api/documents/{id}", id)
                    .headers(bearer(key))
                    .retrieve()
                    .body(DocumentDetail.class));
    }

    public Outline outline(ApiKey key, UUID id) {
        return call("search-api",
                () -> search.get()
                    .uri("/api/documents/{id}/sections", id)
                    .headers(bearer(key))
                    .retrieve()
                    .body(Outline.class));
    }

    public SectionView section(ApiKey key, UUID id) {
        return call("search-api",
                () -> search.get()
                    .uri("/api/sections/{id}", id)
                    .headers(bearer(key))
                    .retrieve()
                    .body(SectionView.class));
    }

    /**
     * {@code GET /api/search} with the given parameters (null values are left out: the
     * API refuses unknown ones).
     */
    public SearchPage search(ApiKey key, Map<String, @Nullable Object> query) {
        return call("search-api",
                () -> search.get()
                    .uri(uri -> build(uri.path("/api/search"), query))
                    .headers(bearer(key))
                    .retrieve()
                    .body(SearchPage.class));
    }

    public FamilyList families(ApiKey key, @Nullable String after) {
        Map<String, @Nullable Object> query = new LinkedHashMap<>();
        query.put("limit", 100);
        query.put("after", after);
        return call("search-api",
                () -> search.get()
                    .uri(uri -> build(uri.path("/api/families"), query))
                    .headers(bearer(key))
                    .retrieve()
                    .body(FamilyList.class));
    }

    /** A family by its key or any spelling of its title. */
    public FamilyDetail family(ApiKey key, String family) {
        return call("search-api",
                () -> search.get()
                    .uri("/api/families/{family}", family)
                    .headers(bearer(key))
                    .retrieve()
                    .body(FamilyDetail.class));
    }

    public Comparison compare(ApiKey key, UUID from, UUID to, int offset, int limit) {
        Map<String, @Nullable Object> query = new LinkedHashMap<>();
        query.put("from", from);
        query.put("to", to);
        query.put("offset", offset);
        query.put("limit", limit);
        return call("search-api",
                () -> search.get()
                    .uri(uri -> build(uri.path("/api/compare"), query))
                    .headers(bearer(key))
                    .retrieve()
                    .body(Comparison.class));
    }

    /**
     * Streams the stored PDF: {@code headers} receives the API's content headers before
     * {@code body} gets the bytes.
     */
    public void file(ApiKey key, UUID id, Consumer<HttpHeaders> headers, OutputStream body) {
        call("ingest-service",
                () -> ingest.get()
                    .uri("/api/documents/{id}/file", id)
                    .headers(bearer(key))
                    .exchange((request, response) -> {
                        if (response.getStatusCode().isError()) {
                            throw problem(response);
                        }
                        headers.accept(response.getHeaders());
                        try (InputStream in = response.getBody()) {
                            in.transferTo(body);
                        }
                        return null;
                    }));
    }

    /**
     * Streams one upload to ingest-service; a duplicate comes back with
     * {@code duplicate: true}.
     */
    public UploadReceipt upload(ApiKey key, String fileName, long size, InputStream content, String title,
            String version) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        var fileHeaders = new HttpHeaders();
        fileHeaders.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName).build());
        fileHeaders.setContentType(MediaType.APPLICATION_PDF);
        parts.add("file", new HttpEntity<>(new SizedStream(content, size, fileName), fileHeaders));
        parts.add("title", title);
        parts.add("version", version);
        return call("ingest-service",
                () -> ingest.post()
                    .uri("/api/documents")
                    .headers(bearer(key))
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(parts)
                    .retrieve()
                    .body(UploadReceipt.class));
    }

    public void delete(ApiKey key, UUID id) {
        call("ingest-service",
                () -> ingest.delete()
                    .uri("/api/documents/{id}", id)
                    .headers(bearer(key))
                    .retrieve()
                    .toBodilessEntity());
    }

    public void reprocess(ApiKey key, UUID id) {
        call("ingest-service",
                () -> ingest.post()
                    .uri("/api/documents/{id}/reprocess", id)
                    .headers(bearer(key))
                    .retrieve()
                    .toBodilessEntity());
    }

    private static Consumer<HttpHeaders> bearer(ApiKey key) {
        return headers -> headers.setBearerAuth(key.value());
    }

    private static URI build(UriBuilder uri, Map<String, @Nullable Object> query) {
        query.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, "{" + name + "}");
            }
        });
        Map<String, Object> values = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                values.put(name, value);
            }
        });
        return uri.build(values);
    }

    private static <T> T call(String api, Call<T> call) {
        try {
            return call.run();
        }
        catch (ResourceAccessException e) {
            throw new ApiUnavailable(api, e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {

        T run();

    }

    private static ApiProblem problem(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        Map<String, Object> properties = new LinkedHashMap<>();
        String type = "http-" + status;
        String detail = null;
        try (InputStream in = response.getBody()) {
            JsonNode body = JSON.readTree(in.readNBytes(64 * 1024));
            if (body != null && body.isObject()) {
                String uri = body.path("type").asString("");
                if (!uri.isEmpty()) {
                    type = uri.substring(uri.lastIndexOf('/') + 1);
                }
                detail = body.path("detail").isString() ? body.path("detail").asString() : null;
                for (String name : new String[] { "field", "maxLength", "maxSizeBytes", "documentId", "scope" }) {
                    JsonNode value = body.path(name);
                    if (value.isNumber()) {
                        properties.put(name, value.longValue());
                    }
                    else if (value.isString()) {
                        properties.put(name, value.asString());
                    }
                }
            }
        }
        catch (RuntimeException | IOException e) {
            // not a problem body: the status alone tells what happened
        }
        return new ApiProblem(status, type, detail, properties);
    }

    /**
     * An upload's content with its length known, so the request is streamed with a
     * Content-Length.
     */
    private static final class SizedStream extends InputStreamResource {

        private final long size;

        private final String fileName;

        SizedStream(InputStream content, long size, String fileName) {
            super(content);
            this.size = size;
            this.fileName = fileName;
        }

        @Override
        public long contentLength() {
            return size;
        }

        @Override
        public String getFilename() {
            return fileName;
        }

    }

}
