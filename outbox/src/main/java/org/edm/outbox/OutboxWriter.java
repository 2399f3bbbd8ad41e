package org.edm.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to {@code outbox_events} in the caller's transaction: the event becomes
 * visible to the relay exactly when the business change that caused it commits, and
 * disappears with it on rollback.
 * <p>
 * Ordering contract: the relay publishes the events of one aggregate in
 * {@code sequence_no} order, which is the order of the appends only if no two
 * transactions append events for the same aggregate concurrently. Callers therefore lock
 * the aggregate first (insert it, or {@code UPDATE}/{@code DELETE} its row) in the same
 * transaction, as ingest-service and parser-worker do with the document row.
 */
public final class OutboxWriter {

    /*
     * created_at in UTC whatever the session's time zone: the relay of another service
     * compares it.
     */
    private static final String INSERT = """
            INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, topic, payload, created_at)
            VALUES (:id, :aggregateType, :aggregateId, :eventType, :topic, CAST(:payload AS jsonb),
                    now() AT TIME ZONE 'UTC')
            """;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final OutboxSignal signal;

    OutboxWriter(JdbcClient jdbc, JsonMapper json, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.signal = signal;
    }

    /**
     * Writes the message as an unpublished outbox row.
     * @throws IllegalStateException when no transaction is active (an event written
     * outside the business transaction could be published for a change that never
     * committed)
     */
    public void append(OutboxMessage message) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "OutboxWriter.append must run inside the transaction that makes the change it announces");
        }
        jdbc.sql(INSERT)
            .param("id", message.eventId())
            .param("aggregateType", message.aggregateType())
            .param("aggregateId", message.aggregateId())
            .param("eventType", message.eventType())
            .param("topic", message.topic())
            .param("payload", json.writeValueAsString(message.payload()))
            .update();
        // Wakes this instance's relay after the commit, so events leave without waiting
        // for the next poll.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.eventsCommitted();
            }
        });
    }

}
