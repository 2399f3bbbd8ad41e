package org.edm.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.Topics;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.KafkaTopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A document whose event was published but never claimed (it went to the dead-letter
 * topic) stays pending; the sweeper announces it again, once, through the outbox.
 */
class PendingDocumentSweeperIntegrationTest extends IngestIntegrationTest {

    @Autowired
    PendingDocumentSweeper sweeper;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aDocumentLeftPendingWithoutALiveEventIsAnnouncedAgainOnce() throws Exception {
        // given: two documents whose upload events were published, pending for two hours
        // since; the second one
        // also has a parked event, so a live announcement still exists for it
        UUID lost = upload("Lost in the dead letters");
        UUID withParkedEvent = upload("Parked");
        awaitEventsPublished(lost, withParkedEvent);
        jdbc.sql("""
                INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, topic, payload, parked_at)
                VALUES (:id, 'document', :document, 'DocumentUploaded', 'documents.uploaded', '{}', now())
                """).param("id", UUID.randomUUID()).param("document", withParkedEvent).update();
        ageBy(Duration.ofHours(2), lost, withParkedEvent);

        try (var reader = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            // when: two sweeps in a row
            int first = sweeper.sweep();
            int second = sweeper.sweep();

            // then: one recovery announcement of the lost document, none of the other
            assertThat(first).isGreaterThanOrEqualTo(1);
            assertThat(second).isZero();
            reader.pollUntil(records -> !forDocument(records, lost).isEmpty(), Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = reader.drain(Duration.ofSeconds(1));
            assertThat(forDocument(records, lost)).singleElement().satisfies(record -> {
                var event = JSON.readTree(record.value());
                assertThat(event.get("trigger").asString()).isEqualTo("recovery");
                assertThat(event.get("type").asString()).isEqualTo("DocumentUploaded");
            });
            assertThat(forDocument(records, withParkedEvent)).isEmpty();
            assertThat(jdbc.sql("SELECT processing_status FROM documents WHERE id = :id")
                .param("id", lost)
                .query(String.class)
                .single()).isEqualTo("pending");
        }
        finally {
            jdbc.sql("DELETE FROM outbox_events WHERE aggregate_id = :id AND parked_at IS NOT NULL")
                .param("id", withParkedEvent)
                .update();
        }
    }

    @Test
    void eachFurtherAnnouncementOfAStillPendingDocumentWaitsTwiceAsLong() {
        // given: a document announced again once (edm.pending-recovery.after = 30 min by
        // default) that is still
        // pending, e.g. queued behind a long backlog; its recovery event was published
        UUID queued = upload("Queued behind a backlog");
        awaitEventsPublished(queued);
        ageBy(Duration.ofHours(2), queued);
        sweepUntilAnnounced(queued);
        awaitEventsPublished(queued);

        // when: 45 minutes after that announcement (more than `after`, less than twice
        // it)
        ageBy(Duration.ofMinutes(45), queued);
        sweeper.sweep();

        // then: not announced again yet (a backlog longer than `after` must not
        // re-announce every document every
        // `after`); after 61 minutes it is
        assertThat(unpublishedEvents(queued)).isZero();
        assertThat(recoveryAnnouncements(queued)).isEqualTo(1);
        ageBy(Duration.ofMinutes(16), queued);
        sweepUntilAnnounced(queued);
        assertThat(recoveryAnnouncements(queued)).isEqualTo(2);
    }

    private void sweepUntilAnnounced(UUID document) {
        long before = recoveryAnnouncements(document);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sweeper.sweep();
            return recoveryAnnouncements(document) > before;
        });
    }

    private long recoveryAnnouncements(UUID document) {
        return jdbc.sql("""
                SELECT count(*) FROM outbox_events
                WHERE aggregate_id = :id AND event_type = 'DocumentUploaded' AND payload ->> 'trigger' = 'recovery'
                """).param("id", document).query(Long.class).single();
    }

    private long unpublishedEvents(UUID document) {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE aggregate_id = :id AND published_at IS NULL")
            .param("id", document)
            .query(Long.class)
            .single();
    }

    private UUID upload(String prefix) {
        String title = uniqueTitle(prefix);
        return UUID.fromString(client.upload(Upload.of(TestPdfs.withText(title), title, "1")).id());
    }

    private void awaitEventsPublished(UUID... documents) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM outbox_events WHERE aggregate_id IN (:ids) AND published_at IS NULL
                """).param("ids", List.of(documents)).query(Long.class).single() == 0);
    }

    /**
     * Moves updated_at back; the updated_at trigger is bypassed for this one statement's
     * transaction.
     */
    private void ageBy(Duration age, UUID... documents) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("""
                    UPDATE documents SET updated_at = updated_at - make_interval(secs => :seconds) WHERE id IN (:ids)
                    """).param("seconds", (double) age.toSeconds()).param("ids", List.of(documents)).update();
        });
    }

    private static List<ConsumerRecord<String, String>> forDocument(List<ConsumerRecord<String, String>> records,
            UUID document) {
        return records.stream().filter(r -> document.toString().equals(r.key())).toList();
    }

}
