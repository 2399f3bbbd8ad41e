package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.edm.events.DocumentProcessed;
import org.edm.events.DocumentUploaded;
import org.edm.events.DocumentsCompared;
import org.edm.events.FailureReason;
import org.edm.events.Topics;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;

/**
 * The versions consumer end to end: two versions of one family parsed by the worker, the
 * newer one compared with the older, stored, keyed and announced on
 * {@code documents.compared}; a re-delivered event changes nothing.
 */
class VersionComparisonIntegrationTest extends WorkerIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static List<TestPdfs.Heading> newerSpecification() {
        // "2.2 Modify Order" is new, so "Delete Order" becomes 2.3; Delta's sentence is
        // reworded
        List<TestPdfs.Heading> headings = new ArrayList<>(TestPdfs.SPECIFICATION.subList(0, 3));
        headings.add(new TestPdfs.Heading(2, "2.1 Add Order", 2, 420,
                "Delta sentence describes the add order message in full."));
        headings.add(new TestPdfs.Heading(2, "2.2 Modify Order", 3, 740, "Foxtrot sentence describes a change."));
        headings.add(new TestPdfs.Heading(2, "2.3 Delete Order", 3, 420,
                "Echo sentence describes the delete order message."));
        return headings;
    }

    private UUID upload(String title, String version, byte[] pdf) {
        UUID documentId = UUID.randomUUID();
        String key = store(documentId, pdf);
        jdbc.sql("""
                INSERT INTO documents (id, title, version, file_path, processing_status, metadata)
                VALUES (:id, :title, :version, :filePath, 'pending', '{}'::jsonb)
                """)
            .param("id", documentId)
            .param("title", title)
            .param("version", version)
            .param("filePath", key)
            .update();
        publish(DocumentUploaded.of(Instant.now(), documentId, title, version, key, pdf.length, sha256Of(documentId),
                DocumentUploaded.TRIGGER_UPLOAD));
        assertThat(awaitFinalStatus(documentId, TIMEOUT)).isEqualTo("done");
        return documentId;
    }

    private Map<String, String> keysByTitle(UUID documentId) {
        return jdbc.sql("""
                SELECT s.title, k.section_key FROM section_keys k JOIN sections s ON s.id = k.section_id
                WHERE k.document_id = :id
                """)
            .param("id", documentId)
            .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
            .list()
            .stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private int comparedOutboxRows(UUID documentId) {
        return jdbc.sql("""
                SELECT count(*) FROM outbox_events WHERE aggregate_id = :id AND event_type = 'DocumentsCompared'
                """).param("id", documentId).query(Integer.class).single();
    }

    @Test
    void aNewerVersionIsComparedWithItsPredecessorStoredKeyedAndAnnounced() throws Exception {
        // given: the first version of a family, parsed
        String family = "ACME Order Entry " + UUID.randomUUID();
        UUID older = upload(family, "1.0", TestPdfs.specificationWithOutline());
        await().atMost(TIMEOUT).until(() -> keysByTitle(older).size() == 5);

        try (var compared = KafkaTopicReader.atEnd(Topics.DOCUMENTS_COMPARED)) {
            // when: the next version arrives, its title spelled with other case and
            // spacing
            UUID newer = upload(family.toUpperCase().replace(" ", "  "), "v1.1",
                    TestPdfs.withOutline(newerSpecification(), 3));

            // then: one event, keyed by the newer version
            List<ConsumerRecord<String, String>> records = compared.pollUntil(received -> !received.isEmpty(), TIMEOUT);
            assertThat(records).hasSize(1);
            DocumentsCompared event = json.readValue(records.get(0).value(), DocumentsCompared.class);
            assertThat(records.get(0).key()).isEqualTo(newer.toString());
            assertThat(event.family()).isEqualTo(family.toLowerCase());
            assertThat(event.fromDocumentId()).isEqualTo(older);
            assertThat(event.toVersion()).isEqualTo("v1.1");
            assertThat(event.counts()).isEqualTo(new DocumentsCompared.Counts(4, 1, 1, 0, 0, 0));
            assertThat(event.changedSections())
                .extracting(DocumentsCompared.ChangedSection::kind, DocumentsCompared.ChangedSection::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("changed", "2.1 Add Order"),
                        org.assertj.core.groups.Tuple.tuple("added", "2.2 Modify Order"));

            // and: the comparison is stored with its hunk, and keys carry over through
            // the renumbering
            assertThat(jdbc.sql("""
                    SELECT c.changed_count, s.hunks::text FROM document_comparisons c
                    JOIN section_changes s ON s.comparison_id = c.id AND s.kind = 'changed'
                    WHERE c.from_document_id = :older AND c.to_document_id = :newer
                    """)
                .param("older", older)
                .param("newer", newer)
                .query((rs, row) -> rs.getInt(1) + " " + rs.getString(2))
                .single()).contains("1 ").contains("\"added\": \"message in full.\"");
            Map<String, String> olderKeys = keysByTitle(older);
            Map<String, String> newerKeys = keysByTitle(newer);
            assertThat(newerKeys.get("2.3 Delete Order")).isEqualTo(olderKeys.get("2.2 Delete Order"))
                .isEqualTo("messages/delete-order");
            assertThat(newerKeys.get("2.2 Modify Order")).isEqualTo("messages/modify-order");
        }
    }

    @Test
    void aReDeliveredProcessedEventIsAppliedOnce() throws Exception {
        // given: two versions, compared once
        String family = "ACME Market Data " + UUID.randomUUID();
        UUID older = upload(family, "2.9", TestPdfs.specificationWithOutline());
        UUID newer = upload(family, "2.10", TestPdfs.withOutline(newerSpecification(), 3));
        await().atMost(TIMEOUT).until(() -> comparedOutboxRows(newer) == 1);

        // when: one more event for the newer version, delivered twice, then a marker
        // event on the same partition
        DocumentProcessed again = DocumentProcessed.done(Instant.now(), newer, UUID.randomUUID(), 6, 3, 10);
        publishProcessed(again);
        publishProcessed(again);
        DocumentProcessed marker = DocumentProcessed.failed(Instant.now(), newer, UUID.randomUUID(), null, 0,
                FailureReason.PROCESSING_ERROR);
        publishProcessed(marker);
        await().atMost(TIMEOUT).until(() -> jdbc.sql("""
                SELECT count(*) FROM processed_events WHERE event_id = :id AND consumer = 'parser-worker-compare'
                """).param("id", marker.eventId()).query(Integer.class).single() == 1);

        // then: compared once more (re-computation of the same pair replaces the stored
        // one), not twice
        assertThat(comparedOutboxRows(newer)).isEqualTo(2);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM document_comparisons WHERE from_document_id = :older AND to_document_id = :newer
                """).param("older", older).param("newer", newer).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void deletingAVersionRemovesItsComparisonsAndKeys() {
        // given
        String family = "ACME Reference Data " + UUID.randomUUID();
        UUID older = upload(family, "5.0.2017", TestPdfs.specificationWithOutline());
        UUID newer = upload(family, "5.0.2023", TestPdfs.withOutline(newerSpecification(), 3));
        await().atMost(TIMEOUT).until(() -> comparedOutboxRows(newer) == 1);

        // when
        jdbc.sql("DELETE FROM documents WHERE id = :id").param("id", older).update();

        // then
        assertThat(jdbc.sql("SELECT count(*) FROM document_comparisons WHERE to_document_id = :id")
            .param("id", newer)
            .query(Integer.class)
            .single()).isZero();
        assertThat(keysByTitle(older)).isEmpty();
        assertThat(keysByTitle(newer)).hasSize(6);
    }

    private void publishProcessed(DocumentProcessed event) {
        var record = new ProducerRecord<>(Topics.DOCUMENTS_PROCESSED, event.documentId().toString(),
                json.writeValueAsString(event));
        record.headers().add(Topics.EVENT_TYPE_HEADER, DocumentProcessed.TYPE.getBytes());
        kafka.send(record).join();
    }

}
