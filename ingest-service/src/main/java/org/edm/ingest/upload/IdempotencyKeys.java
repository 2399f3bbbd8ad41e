package org.edm.ingest.upload;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL on {@code upload_idempotency_keys}: which document a caller's Idempotency-Key
 * produced. Keys are per caller (API key or JWT subject): one caller's key never finds
 * another caller's document. A key is remembered for
 * {@code edm.upload.idempotency-key-retention}, or until its document is deleted
 * (cascade).
 */
@Repository
class IdempotencyKeys {

    private static final String DOCUMENT_FOR = """
            SELECT document_id
              FROM upload_idempotency_keys
             WHERE caller = :caller
               AND idempotency_key = :key
               AND created_at >= localtimestamp - make_interval(secs => :retentionSeconds)
            """;

    /* A live key is never overwritten; an expired one (not yet deleted) is taken over. */
    private static final String REMEMBER = """
            INSERT INTO upload_idempotency_keys (caller, idempotency_key, document_id)
            VALUES (:caller, :key, :documentId)
            ON CONFLICT (caller, idempotency_key) DO UPDATE
               SET document_id = EXCLUDED.document_id, created_at = now()
             WHERE upload_idempotency_keys.created_at < localtimestamp - make_interval(secs => :retentionSeconds)
            RETURNING document_id
            """;

    private static final String DELETE_EXPIRED = """
            DELETE FROM upload_idempotency_keys
             WHERE created_at < localtimestamp - make_interval(secs => :retentionSeconds)
            """;

    private final JdbcClient jdbc;

    private final double retentionSeconds;

    IdempotencyKeys(JdbcClient jdbc, UploadSettings settings) {
        this.jdbc = jdbc;
        this.retentionSeconds = settings.idempotencyKeyRetention().toSeconds();
    }

    Optional<UUID> documentFor(String caller, String key) {
        return jdbc.sql(DOCUMENT_FOR)
            .param("caller", caller)
            .param("key", key)
            .param("retentionSeconds", retentionSeconds)
            .query(UUID.class)
            .optional();
    }

    /**
     * Records the key for the document unless a live record of it exists (waiting for a
     * concurrent transaction that inserts the same key); returns whether it was recorded.
     */
    boolean remember(String caller, String key, UUID documentId) {
        return jdbc.sql(REMEMBER)
            .param("caller", caller)
            .param("key", key)
            .param("documentId", documentId)
            .param("retentionSeconds", retentionSeconds)
            .query(UUID.class)
            .optional()
            .isPresent();
    }

    int deleteExpired() {
        return jdbc.sql(DELETE_EXPIRED).param("retentionSeconds", retentionSeconds).update();
    }

    Duration retention() {
        return Duration.ofSeconds((long) retentionSeconds);
    }

}
