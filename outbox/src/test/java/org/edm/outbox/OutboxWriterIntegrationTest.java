package org.edm.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class OutboxWriterIntegrationTest {

    private static OutboxFixture outbox;

    @BeforeAll
    static void createDatabase() {
        outbox = OutboxFixture.onNewDatabase("outbox_writer_test");
    }

    @AfterAll
    static void close() {
        outbox.close();
    }

    @Test
    void writesTheEventAsAnUnpublishedRowWithItsJson() {
        // given
        UUID aggregate = UUID.randomUUID();
        var event = new OutboxFixture.TestEvent(UUID.randomUUID(), aggregate, 7, Instant.parse("2026-11-25T12:00:00Z"));

        // when
        outbox.transactions.executeWithoutResult(status -> outbox.writer.append(new OutboxMessage(event.eventId(),
                "documents.uploaded", "document", aggregate, "TestHappened", event)));

        // then
        Map<String, Object> row = outbox.jdbc.sql("""
                SELECT aggregate_type, aggregate_id, event_type, topic, payload::text AS payload, published_at, attempts
                FROM outbox_events WHERE id = :id
                """).param("id", event.eventId()).query().singleRow();
        assertThat(row).containsEntry("aggregate_type", "document")
            .containsEntry("aggregate_id", aggregate)
            .containsEntry("event_type", "TestHappened")
            .containsEntry("topic", "documents.uploaded")
            .containsEntry("attempts", 0);
        assertThat(row.get("published_at")).isNull();
        JsonNode payload = outbox.json.readTree((String) row.get("payload"));
        assertThat(payload.get("eventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(payload.get("sequence").asInt()).isEqualTo(7);
        assertThat(payload.get("occurredAt").asString()).isEqualTo("2026-11-25T12:00:00Z");
    }

    @Test
    void writesNothingWhenTheTransactionRollsBack() {
        // given
        UUID eventId = UUID.randomUUID();

        // when
        outbox.transactions.executeWithoutResult(status -> {
            outbox.writer
                .append(new OutboxMessage(eventId, "t", "document", UUID.randomUUID(), "TestHappened", Map.of("a", 1)));
            status.setRollbackOnly();
        });

        // then
        assertThat(outbox.jdbc.sql("SELECT count(*) FROM outbox_events WHERE id = :id")
            .param("id", eventId)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void refusesToWriteOutsideATransaction() {
        assertThatThrownBy(() -> outbox.writer.append(new OutboxMessage(UUID.randomUUID(), "t", "document",
                UUID.randomUUID(), "TestHappened", Map.of("a", 1))))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("inside the transaction");
    }

}
