package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The soak's final accounting against a real, migrated PostgreSQL (a database of its own
 * on the shared server, so that the seeded outbox row reaches no relay): each kind of
 * loss and duplication is seeded and must be found.
 */
class SoakAccountingTest {

    static DataSource dataSource;
    static JdbcClient jdbc;

    SoakAccounting accounting;

    TopicTally events;

    List<UUID> accepted;

    @BeforeAll
    static void ownDatabase() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        infrastructure.migrate(infrastructure.createDatabase("soak_accounting"));
        dataSource = infrastructure.dataSource("soak_accounting");
        jdbc = JdbcClient.create(dataSource);
    }

    @BeforeEach
    void emptyTables() {
        jdbc.sql("DELETE FROM outbox_events").update();
        jdbc.sql("DELETE FROM documents").update();
        accounting = new SoakAccounting(dataSource);
        events = new TopicTally();
        accepted = new ArrayList<>();
    }

    @Test
    void aCleanRunHasNothingLostOrDuplicated() {
        // given: three copies of one file done with three sections each, a broken file
        // failed; one event each
        for (int copy = 0; copy < 3; copy++) {
            processed(document("done", "sha-a", null, 0, 1, 2), "done", 3);
        }
        processed(document("failed", "sha-d", "damaged"), "failed", 0);

        // when
        SoakAccounting.Report report = report();

        // then
        assertThat(report.outcomes()).isEqualTo(Map.of("done", 3L, "failed/damaged", 1L));
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void seededLossesAndDuplicatesAreEachFound() {
        // given: good copies of file A (3 sections), and each defect once
        UUID good = processed(document("done", "sha-a", null, 0, 1, 2), "done", 3);
        processed(document("done", "sha-a", null, 0, 1, 2), "done", 3);
        UUID secondSet = processed(document("done", "sha-a", null, 0, 1, 2, 3, 4, 5), "done", 6);
        UUID parsedTwice = processed(document("done", "sha-b", null, 0, 1), "done", 2);
        processed(parsedTwice, "done", 2);
        UUID redelivered = document("done", "sha-c", null, 0);
        String event = processedEvent(UUID.randomUUID(), redelivered, "done", 1);
        events.add(TopicTally.PROCESSED, event);
        events.add(TopicTally.PROCESSED, event);
        UUID gap = processed(document("done", "sha-e", null, 0, 2), "done", 2);
        UUID stuck = document("pending", "sha-f", null);
        UUID noEvent = document("done", "sha-g", null, 0);
        UUID noRow = UUID.randomUUID();
        accepted.add(noRow);
        UUID failedGoodCopy = processed(document("failed", "sha-a", "attempts_exhausted"), "failed", 0);
        events.add("documents.uploaded.DLT", "{\"not\": \"json of ours\"}");
        jdbc.sql("""
                INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, topic, payload, parked_at)
                VALUES (:id, 'document', :document, 'DocumentProcessed', 'documents.processed', '{}', now())
                """).param("id", UUID.randomUUID()).param("document", good).update();

        // when
        SoakAccounting.Report report = report();

        // then
        assertThat(report.missing()).containsExactly(noRow);
        assertThat(report.notFinal()).containsExactly(stuck);
        assertThat(report.withoutEvent()).containsExactly(noEvent);
        assertThat(report.lost()).isEqualTo(3);
        assertThat(report.brokenSections()).containsExactly(gap);
        assertThat(report.inconsistent()).containsExactly(secondSet);
        assertThat(report.parsedTwice()).containsExactly(parsedTwice);
        assertThat(report.duplicated()).isEqualTo(3);
        assertThat(report.failedUnlikeCopies()).containsExactly(failedGoodCopy);
        assertThat(report.redelivered()).isEqualTo(1);
        assertThat(report.outbox()).isEqualTo(new SoakAccounting.Outbox(0, 1));
        assertThat(report.deadLetters()).containsEntry("documents.uploaded.DLT", 1L);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.format()).contains("lost: 3", "duplicated: 3", "outbox: 1 parked", noRow.toString());
    }

    @Test
    void aSectionCountUnlikeItsOwnEventIsInconsistentEvenWithoutOtherCopies() {
        // given: the event says 4 sections, the database holds 2
        UUID document = processed(document("done", "sha-h", null, 0, 1), "done", 4);

        // when / then
        assertThat(report().inconsistent()).containsExactly(document);
    }

    @Test
    void finalCountSeesOnlyDoneAndFailedDocumentsOfTheGivenIds() {
        // given
        UUID done = document("done", "sha-1", null, 0);
        UUID failed = document("failed", "sha-2", "timeout");
        UUID processing = document("processing", "sha-3", null);
        document("done", "sha-4", null, 0); // not among the ids asked for

        // when / then
        assertThat(accounting.finalCount(List.of(done, failed, processing, UUID.randomUUID()))).isEqualTo(2);
    }

    private SoakAccounting.Report report() {
        return SoakAccounting.report(accepted, accounting.documents(accepted), events, accounting.outbox());
    }

    /** An accepted document with sections at the given positions. */
    private UUID document(String status, String sha256, String failureReason, int... positions) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO documents (id, title, version, processing_status, metadata)
                VALUES (:id, 'Soak', :version, :status,
                        jsonb_strip_nulls(jsonb_build_object('sha256', CAST(:sha256 AS text),
                                                             'failure_reason', CAST(:reason AS text))))
                """)
            .param("id", id)
            .param("version", id.toString().substring(0, 8))
            .param("status", status)
            .param("sha256", sha256)
            .param("reason", failureReason)
            .update();
        for (int position : positions) {
            jdbc.sql("""
                    INSERT INTO sections (document_id, level, title, order_index)
                    VALUES (:document, 1, :title, :position)
                    """)
                .param("document", id)
                .param("title", "Section " + position)
                .param("position", position)
                .update();
        }
        accepted.add(id);
        return id;
    }

    /**
     * A {@code DocumentProcessed} of the document read from the topic, with a new event
     * id.
     */
    private UUID processed(UUID document, String status, int sectionCount) {
        events.add(TopicTally.PROCESSED, processedEvent(UUID.randomUUID(), document, status, sectionCount));
        return document;
    }

    private static String processedEvent(UUID eventId, UUID document, String status, int sectionCount) {
        return """
                {"eventId":"%s","type":"DocumentProcessed","schemaVersion":1,"documentId":"%s","status":"%s",\
                "sectionCount":%d}""".formatted(eventId, document, status, sectionCount);
    }

}
