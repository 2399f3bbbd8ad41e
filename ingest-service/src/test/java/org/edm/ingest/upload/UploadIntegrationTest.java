package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.Topics;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class UploadIntegrationTest extends IngestIntegrationTest {

    @Test
    void acceptedUploadIsStoredOnceAndAnnouncedExactlyOnce() throws Exception {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            // given
            byte[] pdf = TestPdfs.resource(TestPdfs.MOLD_UDP64);
            String title = uniqueTitle("MoldUDP64");
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

            // when
            var response = client.upload(Upload.of(pdf, title, "1.0").withMetadata("{\"exchange\":\"Nasdaq\"}"));

            // then: 202 with the id, the status and where to read it
            assertThat(response.status()).as(response.raw()).isEqualTo(202);
            String id = response.id();
            assertThat(response.body().path("status").asString()).isEqualTo("pending");
            assertThat(response.body().path("duplicate").asBoolean()).isFalse();
            assertThat(response.body().path("sha256").asString()).isEqualTo(sha256);
            assertThat(response.body().path("sizeBytes").asLong()).isEqualTo(pdf.length);
            assertThat(response.header("Location")).endsWith("/api/documents/" + id);
            var status = client.get(response.header("Location"));
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.body().path("status").asString()).isEqualTo("pending");
            assertThat(status.body().path("title").asString()).isEqualTo(title);

            // and the row, the file and the event agree
            var row = jdbc.sql("""
                    SELECT file_path, processing_status, metadata::text AS metadata FROM documents WHERE id = :id::uuid
                    """).param("id", id).query().singleRow();
            String key = (String) row.get("file_path");
            assertThat(key).isEqualTo(id.substring(0, 2) + "/" + id + ".pdf");
            assertThat(Files.readAllBytes(storageRoot().resolve(key))).isEqualTo(pdf);
            JsonNode metadata = json((String) row.get("metadata"));
            assertThat(metadata.path("sha256").asString()).isEqualTo(sha256);
            assertThat(metadata.path("size_bytes").asLong()).isEqualTo(pdf.length);
            assertThat(metadata.path("original_filename").asString()).isEqualTo("spec.pdf");
            assertThat(metadata.path("custom").path("exchange").asString()).isEqualTo("Nasdaq");

            events.pollUntil(records -> !events.forKey(id).isEmpty(), Duration.ofSeconds(30));
            events.drain(Duration.ofSeconds(1));
            List<ConsumerRecord<String, String>> mine = events.forKey(id);
            assertThat(mine).hasSize(1);
            ConsumerRecord<String, String> record = mine.get(0);
            assertThat(
                    new String(record.headers().lastHeader(Topics.EVENT_TYPE_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("DocumentUploaded");
            JsonNode event = json(record.value());
            assertThat(event.path("type").asString()).isEqualTo("DocumentUploaded");
            assertThat(event.path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(event.path("eventId").asString()).isNotBlank();
            assertThat(event.path("occurredAt").asString()).endsWith("Z");
            assertThat(event.path("documentId").asString()).isEqualTo(id);
            assertThat(event.path("title").asString()).isEqualTo(title);
            assertThat(event.path("version").asString()).isEqualTo("1.0");
            assertThat(event.path("fileLocation").asString()).isEqualTo(key);
            assertThat(event.path("sizeBytes").asLong()).isEqualTo(pdf.length);
            assertThat(event.path("sha256").asString()).isEqualTo(sha256);
            assertThat(event.path("trigger").asString()).isEqualTo("upload");
        }
    }

    @Test
    void titleAndVersionAreStrippedAndKeepTheirUnicode() {
        String title = uniqueTitle("Spécification ü 規格");

        var response = client
            .upload(Upload.of(TestPdfs.withText(UUID.randomUUID().toString()), "  " + title + "  ", " 2.0 "));

        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        assertThat(response.body().path("title").asString()).isEqualTo(title);
        assertThat(response.body().path("version").asString()).isEqualTo("2.0");
        assertThat(documentsTitled(title)).isEqualTo(1);
    }

    @Test
    void titleOfExactlyTheColumnLimitIsAccepted() {
        String title = uniqueTitle("T").concat("x".repeat(255)).substring(0, 255);

        var response = client.upload(Upload.of(TestPdfs.withText(title), title, "v".repeat(50)));

        assertThat(response.status()).as(response.raw()).isEqualTo(202);
    }

    @Test
    void aDamagedButPdfLookingFileIsAcceptedForTheParserToJudge() throws Exception {
        byte[] pdf = TestPdfs.withText("truncated");
        byte[] truncated = Arrays.copyOf(pdf, pdf.length / 2);
        String title = uniqueTitle("Truncated");

        var response = client.upload(Upload.of(truncated, title, "1"));

        assertThat(response.status()).as(response.raw()).isEqualTo(202);
    }

}
