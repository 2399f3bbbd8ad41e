package org.edm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.edm.events.Topics;
import org.edm.ingest.IngestClient.Upload;
import org.edm.testsupport.TestInfrastructure;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * What operators and API users read besides the API: health, metrics, the OpenAPI
 * description.
 */
class OperationsIntegrationTest extends IngestIntegrationTest {

    @Test
    void healthShowsTheDatabaseAndKafka() {
        var health = management.get("/actuator/health");

        assertThat(health.status()).as(health.raw()).isEqualTo(200);
        assertThat(health.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.body().path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.body().path("components").path("kafka").path("details").path("brokers").asInt()).isPositive();
    }

    @Test
    void metricsCountUploadsRejectionsAndOutboxLag() {
        // given
        String title = uniqueTitle("Metrics");
        byte[] pdf = TestPdfs.withText(title);
        double created = count("edm.uploads", "outcome:created");
        double duplicates = count("edm.uploads", "outcome:duplicate");
        double createdTimings = count("edm.uploads.duration", "outcome:created");
        double sizes = count("edm.uploads.bytes");
        double bytes = statistic("edm.uploads.bytes", "TOTAL");
        double missingField = count("edm.uploads.rejected", "reason:field-missing");

        // when: one new document, the same upload again, and an upload without a title
        assertThat(client.upload(Upload.of(pdf, title, "1")).status()).isEqualTo(202);
        assertThat(client.upload(Upload.of(pdf, title, "1")).status()).isEqualTo(200);
        assertThat(client.upload(Upload.of(pdf, null, "1")).status()).isEqualTo(400);

        // then: each request moved its own meters by one, and no other upload meter
        assertThat(count("edm.uploads", "outcome:created")).isEqualTo(created + 1);
        assertThat(count("edm.uploads", "outcome:duplicate")).isEqualTo(duplicates + 1);
        assertThat(count("edm.uploads.duration", "outcome:created")).isEqualTo(createdTimings + 1);
        assertThat(count("edm.uploads.bytes")).as("sizes of new PDFs only").isEqualTo(sizes + 1);
        assertThat(statistic("edm.uploads.bytes", "TOTAL")).isEqualTo(bytes + pdf.length);
        assertThat(count("edm.uploads.rejected", "reason:field-missing")).isEqualTo(missingField + 1);
        assertThat(management.get("/actuator/metrics/edm.outbox.unpublished").status()).isEqualTo(200);
        assertThat(management.get("/actuator/metrics/edm.outbox.oldest.unpublished.age").status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").raw()).contains("edm_uploads_total");
    }

    @Test
    void metricsCountDeletedAndReprocessedDocuments() {
        // given: two uploaded documents, one of them failed
        String title = uniqueTitle("Lifecycle metrics");
        String toDelete = client.upload(Upload.of(TestPdfs.withText(title), title, "1")).id();
        String toReprocess = client.upload(Upload.of(TestPdfs.withText(title + " 2"), title, "2")).id();
        jdbc.sql("UPDATE documents SET processing_status = 'failed' WHERE id = :id::uuid")
            .param("id", toReprocess)
            .update();
        double deleted = count("edm.documents.deleted");
        double reprocessed = count("edm.documents.reprocessed");

        // when
        assertThat(client.delete("/api/documents/" + toDelete).status()).isEqualTo(204);
        assertThat(client.post("/api/documents/" + toReprocess + "/reprocess").status()).isEqualTo(202);
        assertThat(client.delete("/api/documents/" + toDelete).status()).as("already gone").isEqualTo(404);

        // then
        assertThat(count("edm.documents.deleted")).isEqualTo(deleted + 1);
        assertThat(count("edm.documents.reprocessed")).isEqualTo(reprocessed + 1);
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
    void aRepresentationTheClientDoesNotAcceptIsNotAcceptable() {
        // given: a document, asked for as CSV only (a client that accepted any JSON would
        // get the document: the
        // JSON converter writes application/problem+json too)
        String title = uniqueTitle("Not acceptable");
        String id = client.upload(Upload.of(TestPdfs.withText(title), title, "1")).id();

        // when
        var response = client.getWithHeader("/api/documents/" + id, "Accept", "text/csv");

        // then
        assertThat(response.status()).as(response.raw()).isEqualTo(406);
        assertThat(response.problemType()).isEqualTo("https://edm.example/problems/not-acceptable");
        assertThat(client.getWithHeader("/api/documents/" + id, "Accept", "application/json").status()).isEqualTo(200);
    }

    @Test
    void theServiceDeclaresItsTopicsAtStartUp() throws Exception {
        // the broker's default is 3 partitions (test readers create missing topics with 3
        // too): 6 on the work topics
        // is edm.kafka.uploaded-partitions, declared by this service when it started
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin
                .describeTopics(
                        List.of(Topics.DOCUMENTS_UPLOADED, Topics.DOCUMENTS_UPLOADED_BULK, Topics.DOCUMENTS_DELETED))
                .allTopicNames()
                .get();

            assertThat(topics.get(Topics.DOCUMENTS_UPLOADED).partitions()).hasSize(6);
            assertThat(topics.get(Topics.DOCUMENTS_UPLOADED_BULK).partitions()).hasSize(6);
            assertThat(topics.get(Topics.DOCUMENTS_DELETED).partitions()).isNotEmpty();
        }
    }

    /**
     * The meter's COUNT as the actuator reports it; 0 while no meter with these tags
     * exists.
     */
    private double count(String meter, String... tags) {
        return statistic(meter, "COUNT", tags);
    }

    private double statistic(String meter, String statistic, String... tags) {
        StringBuilder path = new StringBuilder("/actuator/metrics/").append(meter);
        for (int i = 0; i < tags.length; i++) {
            path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        var response = management.get(path.toString());
        if (response.status() == 404) {
            return 0;
        }
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        for (JsonNode measurement : response.body().path("measurements")) {
            if (statistic.equals(measurement.path("statistic").asString())) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + statistic + " in " + response.raw());
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
