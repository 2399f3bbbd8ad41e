package org.edm.outbox;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relay's SQL on {@code outbox_events}. Every method runs in the caller's
 * transaction. The zone-less timestamps are UTC, written and compared as
 * {@code ... AT TIME ZONE 'UTC'}, so relays and writers in sessions of different time
 * zones agree.
 */
final class OutboxRepository {

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(:key)";

    /** Unpublished, unparked rows whose aggregate has no parked row before them. */
    private static final String NEXT_UNPUBLISHED = """
            SELECT o.id, o.aggregate_id, o.event_type, o.topic, o.payload::text AS payload,
                   EXTRACT(EPOCH FROM ((clock_timestamp() AT TIME ZONE 'UTC') - o.created_at)) * 1000 AS age_ms
            FROM outbox_events o
            WHERE o.published_at IS NULL
              AND o.parked_at IS NULL
              AND NOT EXISTS (SELECT 1
                              FROM outbox_events p
                              WHERE p.parked_at IS NOT NULL
                                AND p.aggregate_id = o.aggregate_id
                                AND p.sequence_no < o.sequence_no)
            ORDER BY o.sequence_no
            LIMIT :limit
            """;

    private static final String MARK_PUBLISHED = """
            UPDATE outbox_events
            SET published_at = clock_timestamp() AT TIME ZONE 'UTC', attempts = attempts + 1, last_error = NULL
            WHERE id IN (:ids)
            """;

    private static final String RECORD_FAILURE = """
            UPDATE outbox_events
            SET attempts = attempts + 1, last_error = :error
            WHERE id IN (:ids)
            """;

    /**
     * A failure that was the row's own: counts towards parking, parks the row when it
     * reaches the limit.
     */
    private static final String RECORD_REFUSAL = """
            UPDATE outbox_events
            SET attempts = attempts + 1,
                record_failures = record_failures + 1,
                last_error = :error,
                parked_at = CASE WHEN record_failures + 1 >= :maxFailures
                                 THEN clock_timestamp() AT TIME ZONE 'UTC' END
            WHERE id = :id
            RETURNING parked_at IS NOT NULL AS parked
            """;

    private static final String LAG = """
            SELECT count(*) FILTER (WHERE parked_at IS NULL) AS unpublished,
                   count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked,
                   coalesce(EXTRACT(EPOCH FROM ((clock_timestamp() AT TIME ZONE 'UTC')
                                                - min(created_at) FILTER (WHERE parked_at IS NULL))), 0)
                       AS oldest_age_seconds
            FROM outbox_events
            WHERE published_at IS NULL
            """;

    private static final String DELETE_PUBLISHED_BEFORE = """
            DELETE FROM outbox_events
            WHERE id IN (SELECT id
                         FROM outbox_events
                         WHERE published_at < (clock_timestamp() AT TIME ZONE 'UTC')
                                         - make_interval(secs => :retentionSeconds)
                         LIMIT :limit)
            """;

    private static final String DELETE_PARKED_BEFORE = """
            DELETE FROM outbox_events
            WHERE id IN (SELECT id
                         FROM outbox_events
                         WHERE parked_at < (clock_timestamp() AT TIME ZONE 'UTC')
                                         - make_interval(secs => :retentionSeconds)
                         LIMIT :limit)
            """;

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the relay's advisory lock until the end of the current transaction, if no
     * other session holds it.
     */
    boolean tryLock(long key) {
        return Boolean.TRUE.equals(jdbc.sql(TRY_LOCK).param("key", key).query(Boolean.class).single());
    }

    /** The oldest unpublished rows, in sequence order. */
    List<OutboxRow> nextUnpublished(int limit) {
        return jdbc.sql(NEXT_UNPUBLISHED)
            .param("limit", limit)
            .query((rs, n) -> new OutboxRow(rs.getObject("id", UUID.class), rs.getObject("aggregate_id", UUID.class),
                    rs.getString("event_type"), rs.getString("topic"), rs.getString("payload"),
                    Duration.ofMillis(Math.max(0, rs.getLong("age_ms")))))
            .list();
    }

    void markPublished(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql(MARK_PUBLISHED).param("ids", ids).update();
        }
    }

    void recordFailure(Collection<UUID> ids, String error) {
        if (!ids.isEmpty()) {
            jdbc.sql(RECORD_FAILURE).param("ids", ids).param("error", error).update();
        }
    }

    /**
     * Counts a failure that was the row's own; parks the row when it has failed so
     * {@code maxFailures} times.
     * @return whether the row is now parked
     */
    boolean recordRefusal(UUID id, String error, int maxFailures) {
        return Boolean.TRUE.equals(jdbc.sql(RECORD_REFUSAL)
            .param("id", id)
            .param("error", error)
            .param("maxFailures", maxFailures)
            .query(Boolean.class)
            .optional()
            .orElse(false));
    }

    Lag lag() {
        return jdbc.sql(LAG)
            .query((rs, n) -> new Lag(rs.getLong("unpublished"), rs.getLong("parked"),
                    rs.getDouble("oldest_age_seconds")))
            .single();
    }

    /**
     * Deletes up to {@code limit} rows published longer than {@code retention} ago;
     * returns how many.
     */
    int deletePublishedBefore(Duration retention, int limit) {
        return jdbc.sql(DELETE_PUBLISHED_BEFORE)
            .param("retentionSeconds", (double) retention.toSeconds())
            .param("limit", limit)
            .update();
    }

    /**
     * Deletes up to {@code limit} rows parked longer than {@code retention} ago; returns
     * how many.
     */
    int deleteParkedBefore(Duration retention, int limit) {
        return jdbc.sql(DELETE_PARKED_BEFORE)
            .param("retentionSeconds", (double) retention.toSeconds())
            .param("limit", limit)
            .update();
    }

    /** An unpublished row, with its age when read. */
    record OutboxRow(UUID id, UUID aggregateId, String eventType, String topic, String payload, Duration age) {
    }

    /**
     * Unpublished rows (not counting parked ones), parked rows, and the age of the oldest
     * unpublished row that is not parked, in seconds (0 when there are none).
     */
    record Lag(long unpublished, long parked, double oldestAgeSeconds) {
    }

}
