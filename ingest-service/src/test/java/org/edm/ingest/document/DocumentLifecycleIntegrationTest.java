package org.edm.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import org.edm.events.Topics;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class DocumentLifecycleIntegrationTest extends IngestIntegrationTest {

    private static final String PROBLEMS = "https://edm.example/problems/";

    @Test
    void deleteRemovesRowSectionsKeyAndFileAndAnnouncesIt() throws Exception {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_DELETED)) {
            // given: an uploaded document with a section, uploaded with an
            // Idempotency-Key
            String title = uniqueTitle("To delete");
            var uploaded = client.upload(
                    Upload.of(TestPdfs.withText(title), title, "3.1").withIdempotencyKey(UUID.randomUUID().toString()));
            String id = uploaded.id();
            String key = jdbc.sql("SELECT file_path FROM documents WHERE id = :id::uuid")
                .param("id", id)
                .query(String.class)
                .single();
            jdbc.sql("INSERT INTO sections (document_id, level, title, content, order_index) "
                    + "VALUES (:id::uuid, 1, 'Intro', 'text', 0)")
                .param("id", id)
                .update();

            // when
            var response = client.delete("/api/documents/" + id);

            // then
            assertThat(response.status()).isEqualTo(204);
            assertThat(count("SELECT count(*) FROM documents WHERE id = :id::uuid", id)).isZero();
            assertThat(count("SELECT count(*) FROM sections WHERE document_id = :id::uuid", id)).isZero();
            assertThat(count("SELECT count(*) FROM upload_idempotency_keys WHERE document_id = :id::uuid", id))
                .isZero();
            assertThat(Files.exists(storageRoot().resolve(key))).isFalse();
            events.pollUntil(r -> !events.forKey(id).isEmpty(), Duration.ofSeconds(30));
            events.drain(Duration.ofMillis(500));
            assertThat(events.forKey(id)).hasSize(1);
            JsonNode event = json(events.forKey(id).get(0).value());
            assertThat(event.path("type").asString()).isEqualTo("DocumentDeleted");
            assertThat(event.path("documentId").asString()).isEqualTo(id);
            assertThat(event.path("title").asString()).isEqualTo(title);
            assertThat(event.path("version").asString()).isEqualTo("3.1");
            assertThat(client.get("/api/documents/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void deletingAnUnknownDocumentIsNotFound() {
        var response = client.delete("/api/documents/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemType()).isEqualTo(PROBLEMS + "document-not-found");
    }

    @Test
    void afterADeleteTheSameBytesCanBeUploadedAgain() {
        String title = uniqueTitle("Again");
        Upload upload = Upload.of(TestPdfs.withText(title), title, "1");
        String first = client.upload(upload).id();
        client.delete("/api/documents/" + first);

        var again = client.upload(upload);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.id()).isNotEqualTo(first);
    }

    @Test
    void reprocessOfADoneDocumentKeepsItDoneWithItsSectionsAndAnnouncesANewUploadEvent() throws Exception {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            // given: a document the parser has finished, with a section that search finds
            String title = uniqueTitle("Reprocess");
            String id = client.upload(Upload.of(TestPdfs.withText(title), title, "1")).id();
            jdbc.sql("UPDATE documents SET processing_status = 'done', page_count = 1 WHERE id = :id::uuid")
                .param("id", id)
                .update();
            jdbc.sql("INSERT INTO sections (document_id, level, title, content, order_index) "
                    + "VALUES (:id::uuid, 1, 'Intro', 'text', 0)")
                .param("id", id)
                .update();

            // when
            var response = client.post("/api/documents/" + id + "/reprocess");

            // then: still done with its section until the parser replaces it; the request
            // names the new event
            assertThat(response.status()).as(response.raw()).isEqualTo(202);
            assertThat(response.body().path("status").asString()).isEqualTo("done");
            assertThat(response.header("Location")).endsWith("/api/documents/" + id);
            assertThat(jdbc.sql("SELECT processing_status FROM documents WHERE id = :id::uuid")
                .param("id", id)
                .query(String.class)
                .single()).isEqualTo("done");
            assertThat(count("SELECT count(*) FROM sections WHERE document_id = :id::uuid", id)).isEqualTo(1);
            events.pollUntil(r -> events.forKey(id).size() >= 2, Duration.ofSeconds(30));
            events.drain(Duration.ofMillis(500));
            assertThat(events.forKey(id)).extracting(r -> json(r.value()).path("trigger").asString())
                .containsExactly("upload", "reprocess");
            JsonNode reprocess = json(events.forKey(id).get(1).value());
            JsonNode upload = json(events.forKey(id).get(0).value());
            assertThat(reprocess.path("eventId").asString()).isNotEqualTo(upload.path("eventId").asString());
            assertThat(reprocess.path("sha256").asString()).isEqualTo(upload.path("sha256").asString());
            assertThat(reprocess.path("sizeBytes").asLong()).isEqualTo(upload.path("sizeBytes").asLong());
            assertThat(jdbc.sql("SELECT metadata ->> 'reprocess_event_id' FROM documents WHERE id = :id::uuid")
                .param("id", id)
                .query(String.class)
                .single()).isEqualTo(reprocess.path("eventId").asString());
        }
    }

    @Test
    void reprocessOfAFailedDocumentSetsItPending() {
        String title = uniqueTitle("Failed");
        String id = client.upload(Upload.of(TestPdfs.withText(title), title, "1")).id();
        jdbc.sql("UPDATE documents SET processing_status = 'failed' WHERE id = :id::uuid").param("id", id).update();

        var response = client.post("/api/documents/" + id + "/reprocess");

        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        assertThat(response.body().path("status").asString()).isEqualTo("pending");
    }

    @Test
    void reprocessOfAPendingDocumentAnnouncesItAgainAndKeepsItPending() {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            // given: a document still pending (e.g. its first event went to the
            // dead-letter topic)
            String title = uniqueTitle("Pending reprocess");
            String id = client.upload(Upload.of(TestPdfs.withText(title), title, "1")).id();
            events.pollUntil(r -> !events.forKey(id).isEmpty(), Duration.ofSeconds(30));

            // when
            var response = client.post("/api/documents/" + id + "/reprocess");

            // then: accepted, still pending, announced once more with a new event id
            assertThat(response.status()).as(response.raw()).isEqualTo(202);
            assertThat(response.body().path("status").asString()).isEqualTo("pending");
            assertThat(jdbc.sql("SELECT processing_status FROM documents WHERE id = :id::uuid")
                .param("id", id)
                .query(String.class)
                .single()).isEqualTo("pending");
            events.pollUntil(r -> events.forKey(id).size() >= 2, Duration.ofSeconds(30));
            events.pollToEnd(Duration.ofSeconds(10));
            assertThat(events.forKey(id)).extracting(r -> json(r.value()).path("trigger").asString())
                .containsExactly("upload", "reprocess");
            assertThat(events.forKey(id)).extracting(r -> json(r.value()).path("eventId").asString())
                .doesNotHaveDuplicates();
        }
    }

    @Test
    void reprocessWhileTheParserReprocessesADoneDocumentIsAConflict() {
        String title = uniqueTitle("Busy done");
        String id = client.upload(Upload.of(TestPdfs.withText(title), title, "1")).id();
        jdbc.sql("""
                UPDATE documents SET processing_status = 'done',
                       metadata = metadata || '{"processing_claim": "a-worker"}'::jsonb
                 WHERE id = :id::uuid
                """).param("id", id).update();

        var response = client.post("/api/documents/" + id + "/reprocess");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo(PROBLEMS + "document-busy");
    }

    @Test
    void reprocessWhileProcessingIsAConflictAndChangesNothing() {
        String title = uniqueTitle("Busy");
        String id = client.upload(Upload.of(TestPdfs.withText(title), title, "1")).id();
        jdbc.sql("UPDATE documents SET processing_status = 'processing' WHERE id = :id::uuid").param("id", id).update();

        var response = client.post("/api/documents/" + id + "/reprocess");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo(PROBLEMS + "document-busy");
        assertThat(jdbc.sql("SELECT processing_status FROM documents WHERE id = :id::uuid")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("processing");
        assertThat(count("SELECT count(*) FROM outbox_events WHERE aggregate_id = :id::uuid", id)).isEqualTo(1);
    }

    @Test
    void reprocessingAnUnknownDocumentIsNotFound() {
        var response = client.post("/api/documents/" + UUID.randomUUID() + "/reprocess");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemType()).isEqualTo(PROBLEMS + "document-not-found");
    }

    @Test
    void anIdThatIsNotAUuidIsABadRequest() {
        var response = client.get("/api/documents/not-a-uuid");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo(PROBLEMS + "invalid-document-id");
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

}
