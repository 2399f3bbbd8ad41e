package org.edm.ingest.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.edm.events.ProcessingStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service's SQL on {@code documents}. Every method runs in the caller's transaction.
 * TIMESTAMP columns hold the session's local time (the columns' defaults use
 * {@code now()}), so they are read back through the session time zone.
 */
@Repository
public class DocumentRepository {

    /** Keys of {@code documents.metadata} this service writes. */
    public static final String SHA256 = "sha256";

    public static final String SIZE_BYTES = "size_bytes";

    private static final String COLUMNS = """
            id, title, version, processing_status, file_path,
            metadata ->> 'sha256' AS sha256,
            coalesce((metadata ->> 'size_bytes')::bigint, 0) AS size_bytes,
            upload_date AT TIME ZONE current_setting('TimeZone') AS upload_date,
            page_count,
            updated_at AT TIME ZONE current_setting('TimeZone') AS updated_at
            """;

    /*
     * The unique index idx_documents_identity makes a concurrent second insert of the
     * same bytes wait, then skip.
     */
    private static final String INSERT_IF_NEW = """
            INSERT INTO documents (id, title, version, file_path, processing_status, metadata)
            VALUES (:id, :title, :version, :filePath, :pending, CAST(:metadata AS jsonb))
            ON CONFLICT (title, version, (metadata ->> 'sha256')) DO NOTHING
            RETURNING
            """ + COLUMNS;

    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM documents WHERE id = :id";

    private static final String FIND_BY_IDENTITY = "SELECT " + COLUMNS + """
             FROM documents
            WHERE title = :title AND version = :version AND metadata ->> 'sha256' = :sha256
            """;

    private static final String DELETE = "DELETE FROM documents WHERE id = :id RETURNING " + COLUMNS;

    /*
     * Guarded: a document the parser is working on keeps its status (the caller answers
     * 409); that includes a done document whose reprocess the parser has claimed
     * (metadata.processing_claim). A done document stays done, so it stays findable with
     * its sections until the parser replaces them; anything else goes back to pending.
     */
    private static final String MARK_FOR_REPROCESS = """
            UPDATE documents
               SET processing_status = CASE WHEN processing_status = :done THEN :done ELSE :pending END
             WHERE id = :id
               AND processing_status <> :processing
               AND metadata ->> 'processing_claim' IS NULL
            RETURNING
            """ + COLUMNS;

    /*
     * Pending longer than the threshold and without a live event: no outbox row of the
     * document waits to be published (or is parked), so its last announcement reached
     * Kafka and no parser claimed it since; typically the event went to the dead-letter
     * topic while the database was down. Locked, so that two instances never announce one
     * document twice; the touch below moves updated_at, so the next announcement waits
     * again.
     */
    private static final String FIND_UNCLAIMED_PENDING = "SELECT " + COLUMNS + """
             FROM documents d
            WHERE processing_status = :pending
              AND updated_at < localtimestamp - make_interval(secs => CAST(:pendingSeconds AS double precision)
                      * power(2, least(coalesce(CAST(metadata ->> 'recovery_announcements' AS integer), 0),
                                       :maxDoublings)))
              AND NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.aggregate_id = d.id AND o.published_at IS NULL)
            ORDER BY updated_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    /*
     * Counts the announcement on the document (the updated_at trigger records its time):
     * the next one waits twice as long, so a backlog longer than
     * edm.pending-recovery.after re-announces each queued document a few times (log2 of
     * the backlog's length), not once per `after`.
     */
    private static final String TOUCH_PENDING = """
            UPDATE documents
               SET metadata = coalesce(metadata, '{}'::jsonb) || jsonb_build_object('recovery_announcements',
                       coalesce(CAST(metadata ->> 'recovery_announcements' AS integer), 0) + 1)
             WHERE id = :id AND processing_status = :pending
            """;

    /*
     * The wait before a re-announcement doubles at most this many times (30 min -> 32 h
     * by default).
     */
    static final int MAX_RECOVERY_DOUBLINGS = 6;

    /*
     * The parser claims a done document only for the reprocess event named here (the
     * latest request wins).
     */
    private static final String RECORD_REPROCESS_REQUEST = """
            UPDATE documents
               SET metadata = coalesce(metadata, '{}'::jsonb)
                       || jsonb_build_object('reprocess_event_id', CAST(:eventId AS text),
                                             'reprocess_requested_at', CAST(:requestedAt AS text))
             WHERE id = :id AND processing_status = :done
            """;

    private static final String EXISTING_IDS = "SELECT id FROM documents WHERE id IN (:ids)";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A statement with every {@link ProcessingStatus} bound by name ({@code :done}, ...),
     * so that the SQL names the statuses as the code does.
     */
    private JdbcClient.StatementSpec statement(String sql) {
        return jdbc.sql(sql).params(ProcessingStatus.sqlParameters());
    }

    /**
     * Inserts a pending document unless one with the same title, version and SHA-256
     * exists (or is being inserted by a transaction that then commits).
     * @param metadataJson a JSON object that contains at least {@value #SHA256} and
     * {@value #SIZE_BYTES}
     * @return the new row, or empty when it is a duplicate
     */
    public Optional<StoredDocument> insertIfNew(UUID id, String title, String version, String filePath,
            String metadataJson) {
        return statement(INSERT_IF_NEW).param("id", id)
            .param("title", title)
            .param("version", version)
            .param("filePath", filePath)
            .param("metadata", metadataJson)
            .query(DocumentRepository::map)
            .optional();
    }

    public Optional<StoredDocument> findById(UUID id) {
        return statement(FIND_BY_ID).param("id", id).query(DocumentRepository::map).optional();
    }

    public Optional<StoredDocument> findByIdentity(String title, String version, String sha256) {
        return statement(FIND_BY_IDENTITY).param("title", title)
            .param("version", version)
            .param("sha256", sha256)
            .query(DocumentRepository::map)
            .optional();
    }

    /**
     * Deletes the row (its sections and idempotency keys go by cascade) and returns what
     * it was.
     */
    Optional<StoredDocument> delete(UUID id) {
        return statement(DELETE).param("id", id).query(DocumentRepository::map).optional();
    }

    /**
     * Readies the document for a reprocess unless the parser is working on it (empty
     * then, or when it does not exist): a {@code done} document stays {@code done}, any
     * other goes back to {@code pending}.
     */
    Optional<StoredDocument> markForReprocess(UUID id) {
        return statement(MARK_FOR_REPROCESS).param("id", id).query(DocumentRepository::map).optional();
    }

    /** Names the reprocess event the parser may claim a {@code done} document for. */
    void recordReprocessRequest(UUID id, UUID eventId, Instant requestedAt) {
        statement(RECORD_REPROCESS_REQUEST).param("id", id)
            .param("eventId", eventId.toString())
            .param("requestedAt", requestedAt.toString())
            .update();
    }

    /**
     * Up to {@code limit} documents pending for longer than {@code pendingFor} without an
     * unpublished event, oldest first, locked until the end of the caller's transaction.
     */
    List<StoredDocument> lockUnclaimedPending(Duration pendingFor, int limit) {
        return statement(FIND_UNCLAIMED_PENDING).param("pendingSeconds", (double) pendingFor.toSeconds())
            .param("maxDoublings", MAX_RECOVERY_DOUBLINGS)
            .param("limit", limit)
            .query(DocumentRepository::map)
            .list();
    }

    /**
     * Counts one more announcement of a pending document and moves its {@code updated_at}
     * to now.
     */
    void touchPending(UUID id) {
        statement(TOUCH_PENDING).param("id", id).update();
    }

    /** Which of the ids have a row. */
    Set<UUID> existingIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<UUID> found = statement(EXISTING_IDS).param("ids", ids).query(UUID.class).list();
        return found.stream().collect(Collectors.toSet());
    }

    private static StoredDocument map(ResultSet rs, int row) throws SQLException {
        Integer pageCount = rs.getObject("page_count", Integer.class);
        String sha256 = rs.getString("sha256");
        return new StoredDocument(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("version"),
                rs.getString("processing_status"), rs.getString("file_path"), sha256 == null ? "" : sha256,
                rs.getLong("size_bytes"), rs.getObject("upload_date", OffsetDateTime.class).toInstant(), pageCount,
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

}
