package org.edm.ingest.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.edm.ingest.IngestClient;
import org.edm.ingest.IngestClient.Response;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * Every endpoint of ingest-service against every kind of credential: no key, a malformed
 * key, a revoked key, a key without the endpoint's scope (401, 401, 401, 403 as problem
 * details, and nothing changed: document row, stored file, outbox), and a key with the
 * scope (2xx).
 */
class AccessControlIntegrationTest extends IngestIntegrationTest {

    private static final String PROBLEMS = "https://edm.example/problems/";

    enum Credential {

        NONE, MALFORMED, REVOKED, WITHOUT_SCOPE, WITH_SCOPE

    }

    /**
     * One endpoint: how to call it on a fresh document, the scope it needs and its
     * success status.
     */
    record Endpoint(String name, String scope, int success, Call call) {

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Call {

        Response send(IngestClient client, UUID document, String title);

    }

    static Stream<Arguments> endpointsAndCredentials() {
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST /api/documents", "documents:write", 202,
                        (client, document, title) -> client.upload(Upload.of(TestPdfs.withText(title), title, "2"))),
                new Endpoint("GET /api/documents/{id}", "documents:read", 200,
                        (client, document, title) -> client.get("/api/documents/" + document)),
                new Endpoint("GET /api/documents/{id}/file", "documents:read", 200,
                        (client, document, title) -> client.get("/api/documents/" + document + "/file")),
                new Endpoint("DELETE /api/documents/{id}", "documents:delete", 204,
                        (client, document, title) -> client.delete("/api/documents/" + document)),
                new Endpoint("POST /api/documents/{id}/reprocess", "documents:write", 202,
                        (client, document, title) -> client.post("/api/documents/" + document + "/reprocess")),
                new Endpoint("GET /v3/api-docs", "documents:read", 200,
                        (client, document, title) -> client.get("/v3/api-docs")),
                new Endpoint("GET /swagger-ui/index.html", "documents:read", 200,
                        (client, document, title) -> client.get("/swagger-ui/index.html")));
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Credential credential : Credential.values()) {
                cases.add(Arguments.of(endpoint, credential));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("endpointsAndCredentials")
    void eachEndpointAnswersEachCredentialExactly(Endpoint endpoint, Credential credential) {
        // given: a document with its file and outbox row, and the state of the system
        String title = uniqueTitle("Access");
        Response created = client.upload(Upload.of(TestPdfs.withText(title), title, "1"));
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        UUID document = UUID.fromString(created.id());
        State before = state(document, title);
        IngestClient caller = new IngestClient(port, key(credential, endpoint.scope()));

        // when
        Response response = endpoint.call().send(caller, document, title);

        // then
        switch (credential) {
            case NONE, MALFORMED, REVOKED -> {
                assertProblem(response, 401, "unauthorized");
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=\"edm\"");
            }
            case WITHOUT_SCOPE -> {
                assertProblem(response, 403, "missing-scope");
                assertThat(response.body().path("detail").asString()).contains(endpoint.scope());
            }
            case WITH_SCOPE -> assertThat(response.status()).as(response.raw()).isEqualTo(endpoint.success());
        }
        if (credential != Credential.WITH_SCOPE) {
            assertThat(state(document, title)).isEqualTo(before);
        }
    }

    @Test
    void anApiKeyHeaderWorksLikeABearerKey() {
        String key = TestApiKeys.shared().create("documents:read");
        String title = uniqueTitle("Header");
        UUID document = UUID.fromString(client.upload(Upload.of(TestPdfs.withText(title), title, "1")).id());

        Response response = new IngestClient(port).getWithHeader("/api/documents/" + document, "X-Api-Key", key);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    @Test
    void oneCallersIdempotencyKeyNeitherCollidesWithNorRevealsAnothers() {
        // given: two callers use the same Idempotency-Key for different documents
        IngestClient first = new IngestClient(port, TestApiKeys.shared().documents());
        IngestClient second = new IngestClient(port, TestApiKeys.shared().documents());
        String idempotencyKey = "shared-" + UUID.randomUUID();
        String title = uniqueTitle("Idempotent");

        Upload myUpload = Upload.of(TestPdfs.withText(title + " a"), title + " a", "1")
            .withIdempotencyKey(idempotencyKey);

        // when
        Response mine = first.upload(myUpload);
        Response theirs = second
            .upload(Upload.of(TestPdfs.withText(title + " b"), title + " b", "1").withIdempotencyKey(idempotencyKey));
        Response mineAgain = first.upload(myUpload);

        // then: the second caller gets its own new document, not the first one's (nor a
        // 422 naming it)
        assertThat(mine.status()).as(mine.raw()).isEqualTo(202);
        assertThat(theirs.status()).as(theirs.raw()).isEqualTo(202);
        assertThat(theirs.id()).isNotEqualTo(mine.id());
        assertThat(theirs.raw()).doesNotContain(mine.id());
        assertThat(mineAgain.status()).isEqualTo(200);
        assertThat(mineAgain.id()).isEqualTo(mine.id());
    }

    @Test
    void lastUsedIsRecordedWhenAKeyIsAccepted() {
        String key = TestApiKeys.shared().create("documents:read");

        new IngestClient(port, key).get("/v3/api-docs");

        assertThat(jdbc
            .sql("SELECT last_used_at IS NOT NULL FROM api_keys WHERE key_hash = encode(sha256(:key::bytea), 'hex')")
            .param("key", key)
            .query(Boolean.class)
            .single()).isTrue();
    }

    private static String key(Credential credential, String scope) {
        return switch (credential) {
            case NONE -> null;
            case MALFORMED -> "edm_not-a-key";
            case REVOKED -> TestApiKeys.shared().revoked(scope);
            case WITHOUT_SCOPE -> TestApiKeys.shared().create(otherScope(scope));
            case WITH_SCOPE -> TestApiKeys.shared().create(scope);
        };
    }

    private static String otherScope(String scope) {
        return scope.equals("documents:read") ? "documents:write" : "documents:read";
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.problemType()).isEqualTo(PROBLEMS + type);
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
    }

    /** What a refused request must not change. */
    record State(long documents, String status, long outboxRows, List<Path> files) {
    }

    private State state(UUID document, String title) {
        Function<String, Long> count = sql -> jdbc.sql(sql).param("id", document).query(Long.class).single();
        return new State(count.apply("SELECT count(*) FROM documents WHERE id = :id") + documentsTitled(title),
                jdbc.sql("SELECT processing_status FROM documents WHERE id = :id")
                    .param("id", document)
                    .query(String.class)
                    .optional()
                    .orElse("gone"),
                count.apply("SELECT count(*) FROM outbox_events WHERE aggregate_id = :id") + outboxRowsTitled(title),
                storedFiles().stream().sorted().toList());
    }

}
