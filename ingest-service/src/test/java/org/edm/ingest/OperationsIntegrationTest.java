package org.edm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.edm.ingest.IngestClient.Upload;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;

/** What operators and API users read besides the API: health, metrics, the OpenAPI description. */
class OperationsIntegrationTest extends IngestIntegrationTest {

    @Test
    void healthShowsTheDatabaseAndKafka() {
        var health = management.get("/actuator/health");

        assertThat(health.status()).as(health.raw()).isEqualTo(200);
        assertThat(health.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.body().path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.body().path("components").path("kafka").path("details").path("brokers").asInt())
                .isPositive();
    }

    @Test
    void metricsCountUploadsRejectionsAndOutboxLag() {
        String title = uniqueTitle("Metrics");
        client.upload(Upload.of(TestPdfs.withText(title), title, "1"));
        client.upload(Upload.of(TestPdfs.withText(title), null, "1"));

        assertThat(management.get("/actuator/metrics/edm.uploads").status()).isEqualTo(200);
        assertThat(management.get("/actuator/metrics/edm.uploads.bytes").status()).isEqualTo(200);
        var rejected = management.get("/actuator/metrics/edm.uploads.rejected?tag=reason:field-missing");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().path("measurements").get(0).path("value").asDouble()).isPositive();
        assertThat(management.get("/actuator/metrics/edm.outbox.unpublished").status()).isEqualTo(200);
        assertThat(management.get("/actuator/metrics/edm.outbox.oldest.unpublished.age").status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").raw()).contains("edm_uploads_total");
    }

    @Test
    void openApiDescribesTheEndpoints() {
        var api = client.get("/v3/api-docs");

        assertThat(api.status()).as(api.raw()).isEqualTo(200);
        assertThat(api.body().path("paths").has("/api/documents")).isTrue();
        assertThat(api.body().path("paths").has("/api/documents/{id}")).isTrue();
        assertThat(api.body().path("paths").has("/api/documents/{id}/reprocess")).isTrue();
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        var unknown = client.get("/api/nothing-here");
        var wrongMethod = client.get("/api/documents");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemType()).isEqualTo("https://edm.example/problems/not-found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.problemType()).isEqualTo("https://edm.example/problems/method-not-allowed");
    }
}
