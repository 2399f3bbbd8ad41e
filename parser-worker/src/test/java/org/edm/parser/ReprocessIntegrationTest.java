package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.DocumentProcessed;
import org.edm.events.DocumentUploaded;
import org.edm.events.Topics;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reprocessed {@code done} document stays findable with its previous sections until the
 * new ones replace them in one transaction, and a failed reprocess keeps them and reports
 * the failure without hiding the document.
 */
class ReprocessIntegrationTest extends WorkerIntegrationTest {

    private static final Duration PARSED = Duration.ofSeconds(30);

    /**
     * What search-api serves (its SearchRepository's FILTERS): sections of done documents
     * that match.
     */
    private static final String SEARCH = """
            SELECT count(*) FROM sections s
             WHERE s.search_vector @@ websearch_to_tsquery('english', :q)
               AND s.document_id IN (SELECT d.id FROM documents d WHERE d.processing_status = 'done')
               AND s.document_id = :id
            """;

    @Autowired
    DataSource dataSource;

    @Test
    void reprocessedDocumentStaysFindableWithItsOldSectionsUntilTheNewOnesReplaceThemInOneTransaction()
            throws Exception {
        // given: a done document
        UUID documentId = doneDocument();
        List<UUID> oldIds = sectionIds(documentId);

        // when: it is reprocessed, and the worker's final transaction is held up just
        // before it commits
        DocumentUploaded reprocess = requestReprocess(documentId);
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement(
                    "INSERT INTO processed_events (event_id, consumer, document_id) VALUES (?, 'parser-worker', ?)")) {
                insert.setObject(1, reprocess.eventId());
                insert.setObject(2, documentId);
                insert.executeUpdate();
            }
            publish(reprocess);
            await().atMost(PARSED).until(this::workerWaitsToRecordItsEvent);

            // then: meanwhile the document is done, its old sections are there and search
            // finds them
            assertThat(status(documentId)).isEqualTo("done");
            assertThat(metadata(documentId, "processing_claim")).isNotNull();
            assertThat(sectionIds(documentId)).isEqualTo(oldIds);
            assertThat(searchHits(documentId, "delete order message")).isPositive();
            blocker.rollback();
        }

        // and: once the worker commits, the new sections have replaced the old ones, all
        // at once
        await().atMost(PARSED).until(() -> processedEventRows(documentId) == 2);
        assertThat(status(documentId)).isEqualTo("done");
        List<UUID> newIds = sectionIds(documentId);
        assertThat(newIds).hasSize(oldIds.size()).doesNotContainAnyElementsOf(oldIds);
        assertThat(searchHits(documentId, "delete order message")).isPositive();
        assertThat(metadata(documentId, "reprocess_event_id")).isNull();
        assertThat(metadata(documentId, "processing_claim")).isNull();
        assertThat(metadata(documentId, "processing_attempts")).isNull();
    }

    @Test
    void failedReprocessKeepsThePreviousSectionsAndReportsTheFailureWithoutHidingTheDocument() {
        try (var processed = KafkaTopicReader.atEnd(new String[] { Topics.DOCUMENTS_PROCESSED })) {
            // given: a done document whose stored file has since become unreadable
            UUID documentId = doneDocument();
            List<UUID> oldIds = sectionIds(documentId);
            store(documentId, "no longer a PDF".getBytes(StandardCharsets.UTF_8));

            // when
            DocumentUploaded reprocess = requestReprocess(documentId);
            publish(reprocess);

            // then: still done, same sections, still found; the failure of this parse is
            // in the metadata
            await().atMost(PARSED).until(() -> processedEventRows(documentId) == 2);
            assertThat(status(documentId)).isEqualTo("done");
            assertThat(sectionIds(documentId)).isEqualTo(oldIds);
            assertThat(searchHits(documentId, "delete order message")).isPositive();
            assertThat(metadata(documentId, "reprocess_failure_reason")).isEqualTo("not_a_pdf");
            assertThat(metadata(documentId, "reprocess_failure_message")).isEqualTo("The file is not a PDF.");
            assertThat(metadata(documentId, "reprocess_failed_at")).isNotBlank();
            assertThat(metadata(documentId, "failure_reason")).isNull();
            assertThat(metadata(documentId, "reprocess_event_id")).isNull();
            assertThat(metadata(documentId, "processing_claim")).isNull();
            // and the event reports this parse as failed
            processed.pollUntil(r -> processed.forKey(documentId.toString()).size() >= 2, PARSED);
            ConsumerRecord<String, String> last = processed.forKey(documentId.toString()).get(1);
            DocumentProcessed event = json.readValue(last.value(), DocumentProcessed.class);
            assertThat(event.uploadEventId()).isEqualTo(reprocess.eventId());
            assertThat(event.status()).isEqualTo(DocumentProcessed.STATUS_FAILED);
            assertThat(event.failureReason()).isEqualTo("not_a_pdf");
        }
    }

    @Test
    void aLaterSuccessfulReprocessClearsTheRecordedFailure() {
        // given: a done document whose last reprocess failed
        UUID documentId = doneDocument();
        byte[] pdf = TestPdfs.specificationWithOutline();
        store(documentId, "broken".getBytes(StandardCharsets.UTF_8));
        publish(requestReprocess(documentId));
        await().atMost(PARSED).until(() -> metadata(documentId, "reprocess_failure_reason") != null);

        // when: the file is fine again and it is reprocessed once more
        store(documentId, pdf);
        publish(requestReprocess(documentId));

        // then
        await().atMost(PARSED).until(() -> processedEventRows(documentId) == 3);
        assertThat(status(documentId)).isEqualTo("done");
        assertThat(metadata(documentId, "reprocess_failure_reason")).isNull();
        assertThat(sections(documentId)).hasSize(TestPdfs.SPECIFICATION.size());
    }

    private UUID doneDocument() {
        UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());
        publish(uploadedEvent(documentId));
        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("done");
        return documentId;
    }

    private boolean workerWaitsToRecordItsEvent() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO processed_events%'
                """).query(Integer.class).single() > 0;
    }

    private List<UUID> sectionIds(UUID documentId) {
        return jdbc.sql("SELECT id FROM sections WHERE document_id = :id ORDER BY order_index")
            .param("id", documentId)
            .query(UUID.class)
            .list();
    }

    private int searchHits(UUID documentId, String query) {
        return jdbc.sql(SEARCH).param("q", query).param("id", documentId).query(Integer.class).single();
    }

}
