package org.edm.parser.processing;

import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.edm.events.ProcessingStatus;
import org.edm.parser.split.ParsedSection;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The worker's SQL on {@code documents}, {@code sections} and {@code processed_events}.
 * Every status change is a guarded UPDATE that names the status (and claim) it expects,
 * so a stale or repeated event never moves a document backwards.
 */
@Repository
class DocumentRepository {

    static final String CONSUMER = "parser-worker";

    /** Section titles are VARCHAR(500). */
    static final int MAX_TITLE_LENGTH = 500;

    private static final int BATCH_SIZE = 500;

    private static final String ALREADY_PROCESSED = """
            SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_id = :eventId AND consumer = :consumer)
            """;

    /*
     * A claim: the token, the event, the worker process, and how many worker processes
     * have claimed this event. A worker that claims the event again (its stale sweep and
     * the re-delivered record after a restart, a retry after a failed write) does not
     * count again: the counter stops files that kill their workers, not workers that
     * restart.
     */
    private static final String CLAIM_SET = """
            UPDATE documents
               SET processing_status = CASE WHEN processing_status = :done THEN :done ELSE :processing END,
                   metadata = coalesce(metadata, '{}'::jsonb)
                       || jsonb_build_object('processing_claim', CAST(:token AS text),
                                             'processing_event_id', CAST(:eventId AS text),
                                             'processing_worker', CAST(:worker AS text),
                                             'processing_attempts',
                                             CASE WHEN metadata ->> 'processing_event_id' = CAST(:eventId AS text)
                                                  THEN coalesce(CAST(metadata ->> 'processing_attempts'
                                                                     AS integer), 0)
                                                       + CASE WHEN metadata ->> 'processing_worker'
                                                                   = CAST(:worker AS text)
                                                              THEN 0 ELSE 1 END
                                                  ELSE 1 END)
            """;

    private static final String STALE = """
            updated_at < localtimestamp - make_interval(secs => CAST(:staleSeconds AS double precision))
            """;

    private static final String CLAIM_RETURNING = """
            RETURNING file_path, processing_status = :done AS reprocessing_done,
                      CAST(metadata ->> 'processing_attempts' AS integer) AS attempt
            """;

    /*
     * pending -> processing. A document already in processing is taken over when its
     * claim is stale (its worker died) or when it is the same event again: a re-delivery
     * after a crash or a retry after a failed write. A done document is claimed only by
     * the reprocess event ingest-service named in it, and stays done meanwhile, so search
     * keeps finding its sections until new ones replace them.
     */
    private static final String CLAIM = CLAIM_SET + """
             WHERE id = :documentId
               AND (processing_status = :pending
                    OR (processing_status = :processing
                        AND (metadata ->> 'processing_event_id' = CAST(:eventId AS text) OR %1$s))
                    OR (processing_status = :done
                        AND metadata ->> 'reprocess_event_id' = CAST(:eventId AS text)
                        AND (metadata ->> 'processing_claim' IS NULL
                             OR metadata ->> 'processing_event_id' = CAST(:eventId AS text) OR %1$s)))
            """.formatted(STALE.strip()) + CLAIM_RETURNING;

    /* Only a stale claim: the sweeper never competes with a live worker. */
    private static final String CLAIM_STALE = CLAIM_SET + """
             WHERE id = :documentId
               AND (processing_status = :processing
                    OR (processing_status = :done AND metadata ->> 'processing_claim' IS NOT NULL))
               AND %s
            """.formatted(STALE.strip()) + CLAIM_RETURNING;

    /*
     * A no-op change that lets the updated_at trigger record that the claim's worker is
     * alive.
     */
    private static final String HEARTBEAT = """
            UPDATE documents
               SET processing_status = processing_status
             WHERE id = :documentId
               AND processing_status IN (:processing, :done)
               AND metadata ->> 'processing_claim' = CAST(:token AS text)
            """;

    private static final String STATUS = """
            SELECT processing_status FROM documents WHERE id = :documentId
            """;

    private static final String FIND_STALE = """
            SELECT id, metadata ->> 'processing_event_id' AS event_id
              FROM documents
             WHERE (processing_status = :processing
                    OR (processing_status = :done AND metadata ->> 'processing_claim' IS NOT NULL))
               AND updated_at < localtimestamp - make_interval(secs => CAST(:staleSeconds AS double precision))
             ORDER BY updated_at
             LIMIT :limit
            """;

    /*
     * What a finished claim leaves behind: the claim, its attempts and the reprocess
     * request it answered.
     */
    private static final String WITHOUT_CLAIM = """
            (coalesce(metadata, '{}'::jsonb) - 'processing_claim' - 'processing_event_id' - 'processing_attempts'
                - 'processing_worker' - 'reprocess_event_id' - 'reprocess_requested_at')""";

    private static final String FINISH_DONE = """
            UPDATE documents
               SET processing_status = :done,
                   page_count = :pageCount,
                   metadata = (%s - 'failure_reason' - 'failure_message'
                               - 'reprocess_failure_reason' - 'reprocess_failure_message' - 'reprocess_failed_at')
                              || CAST(:metadata AS jsonb)
             WHERE id = :documentId
               AND processing_status IN (:processing, :done)
               AND metadata ->> 'processing_claim' = CAST(:token AS text)
            """.formatted(WITHOUT_CLAIM);

    private static final String FINISH_FAILED = """
            UPDATE documents
               SET processing_status = :failed,
                   page_count = :pageCount,
                   metadata = %s || CAST(:metadata AS jsonb)
             WHERE id = :documentId
               AND processing_status = :processing
               AND metadata ->> 'processing_claim' = CAST(:token AS text)
            """.formatted(WITHOUT_CLAIM);

    /*
     * A failed reprocess of a done document: it stays done with its sections, the failure
     * goes to metadata.
     */
    private static final String FINISH_REPROCESS_FAILED = """
            UPDATE documents
               SET metadata = %s || CAST(:metadata AS jsonb)
             WHERE id = :documentId
               AND processing_status = :done
               AND metadata ->> 'processing_claim' = CAST(:token AS text)
            """.formatted(WITHOUT_CLAIM);

    /*
     * After retries ran out there is no claim to check: fail only what this event started
     * or would start.
     */
    private static final String FAIL_UNCLAIMED = """
            UPDATE documents
               SET processing_status = :failed,
                   metadata = %s || CAST(:metadata AS jsonb)
             WHERE id = :documentId
               AND (processing_status = :pending
                    OR (processing_status = :processing
                        AND metadata ->> 'processing_event_id' = CAST(:eventId AS text)))
            """.formatted(WITHOUT_CLAIM);

    /* The same for a reprocess of a done document: it keeps its status and sections. */
    private static final String FAIL_UNCLAIMED_REPROCESS = """
            UPDATE documents
               SET metadata = %s || CAST(:metadata AS jsonb)
             WHERE id = :documentId
               AND processing_status = :done
               AND (metadata ->> 'reprocess_event_id' = CAST(:eventId AS text)
                    OR metadata ->> 'processing_event_id' = CAST(:eventId AS text))
            """.formatted(WITHOUT_CLAIM);

    private static final String DELETE_SECTIONS = """
            DELETE FROM sections WHERE document_id = :documentId
            """;

    private static final String INSERT_SECTION = """
            INSERT INTO sections (id, document_id, level, title, content, page_number, parent_id, order_index)
            VALUES (:id, :documentId, :level, :title, :content, :pageNumber, :parentId, :orderIndex)
            """;

    private static final String RECORD_EVENT = """
            INSERT INTO processed_events (event_id, consumer, document_id)
            VALUES (:eventId, :consumer, :documentId)
            ON CONFLICT (event_id, consumer) DO NOTHING
            """;

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate batch;

    /**
     * This worker process in {@code metadata.processing_worker}: its claims of one event
     * count as one attempt.
     */
    private final String worker = UUID.randomUUID().toString();

    DocumentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * A statement with every {@link ProcessingStatus} bound by name ({@code :done}, ...),
     * so that the SQL names the statuses as the code does.
     */
    private JdbcClient.StatementSpec statement(String sql) {
        return jdbc.sql(sql).params(ProcessingStatus.sqlParameters());
    }

    boolean alreadyProcessed(UUID eventId) {
        return statement(ALREADY_PROCESSED).param("eventId", eventId)
            .param("consumer", CONSUMER)
            .query(Boolean.class)
            .single();
    }

    /**
     * Takes the document for this event, or empty when it is not pending (or processing
     * by this event).
     */
    Optional<Claim> claim(UUID documentId, UUID eventId, Duration staleAfter) {
        return claim(CLAIM, documentId, eventId, staleAfter);
    }

    /**
     * Takes the document only if it is in processing and its worker has been silent for
     * {@code staleAfter}.
     */
    Optional<Claim> claimStale(UUID documentId, UUID eventId, Duration staleAfter) {
        return claim(CLAIM_STALE, documentId, eventId, staleAfter);
    }

    private Optional<Claim> claim(String sql, UUID documentId, UUID eventId, Duration staleAfter) {
        UUID token = UUID.randomUUID();
        return statement(sql).param("documentId", documentId)
            .param("eventId", eventId.toString())
            .param("token", token.toString())
            .param("worker", worker)
            .param("staleSeconds", staleAfter.toMillis() / 1000.0)
            .query((rs, n) -> new Claim(documentId, eventId, token, rs.getString("file_path"),
                    rs.getBoolean("reprocessing_done"), rs.getInt("attempt")))
            .optional();
    }

    /** Refreshes the claim; false when another worker has taken the document over. */
    boolean heartbeat(Claim claim) {
        return statement(HEARTBEAT).param("documentId", claim.documentId())
            .param("token", claim.token().toString())
            .update() == 1;
    }

    Optional<String> status(UUID documentId) {
        return statement(STATUS).param("documentId", documentId).query(String.class).optional();
    }

    List<StaleDocument> findStale(Duration staleAfter, int limit) {
        return statement(FIND_STALE).param("staleSeconds", staleAfter.toMillis() / 1000.0)
            .param("limit", limit)
            .query((rs, n) -> new StaleDocument(rs.getObject("id", UUID.class), parseUuid(rs.getString("event_id"))))
            .list();
    }

    /**
     * Sets done with the page count and merged metadata; false when the claim is no
     * longer held.
     */
    boolean finishDone(Claim claim, int pageCount, String metadataJson) {
        return statement(FINISH_DONE).param("documentId", claim.documentId())
            .param("token", claim.token().toString())
            .param("pageCount", pageCount, Types.INTEGER)
            .param("metadata", metadataJson)
            .update() == 1;
    }

    /** Sets failed with merged metadata; false when the claim is no longer held. */
    boolean finishFailed(Claim claim, @Nullable Integer pageCount, String metadataJson) {
        return statement(FINISH_FAILED).param("documentId", claim.documentId())
            .param("token", claim.token().toString())
            .param("pageCount", pageCount, Types.INTEGER)
            .param("metadata", metadataJson)
            .update() == 1;
    }

    /**
     * Keeps a done document done after its reprocess failed; false when the claim is no
     * longer held.
     */
    boolean finishReprocessFailed(Claim claim, String metadataJson) {
        return mergeMetadata(FINISH_REPROCESS_FAILED, claim.documentId(), "token", claim.token(), metadataJson);
    }

    /**
     * Records a failed reprocess of a done document without a claim (retries exhausted);
     * false when none.
     */
    boolean failReprocessUnclaimed(UUID documentId, UUID eventId, String metadataJson) {
        return mergeMetadata(FAIL_UNCLAIMED_REPROCESS, documentId, "eventId", eventId, metadataJson);
    }

    /**
     * Sets failed without a claim (retries exhausted); false when the document moved on
     * or is gone.
     */
    boolean failUnclaimed(UUID documentId, UUID eventId, String metadataJson) {
        return mergeMetadata(FAIL_UNCLAIMED, documentId, "eventId", eventId, metadataJson);
    }

    /**
     * Runs one of the failure statements, which merge {@code :metadata} into the
     * document's metadata when its guard (the claim's {@code token}, or the
     * {@code eventId} that started the work) still holds.
     */
    private boolean mergeMetadata(String statement, UUID documentId, String guard, UUID guardValue,
            String metadataJson) {
        return statement(statement).param("documentId", documentId)
            .param(guard, guardValue.toString())
            .param("metadata", metadataJson)
            .update() == 1;
    }

    void deleteSections(UUID documentId) {
        statement(DELETE_SECTIONS).param("documentId", documentId).update();
    }

    /**
     * Inserts the sections in reading order, so a parent row always precedes its
     * children; ids are generated here and each {@code parentIndex} becomes the parent's
     * id.
     */
    void insertSections(UUID documentId, List<ParsedSection> sections) {
        Map<Integer, UUID> idsByIndex = new HashMap<>();
        List<SqlParameterSource> rows = new ArrayList<>(Math.min(sections.size(), BATCH_SIZE));
        for (ParsedSection section : sections) {
            UUID id = UUID.randomUUID();
            idsByIndex.put(section.orderIndex(), id);
            UUID parentId = section.parentIndex() == null ? null : idsByIndex.get(section.parentIndex());
            rows.add(new MapSqlParameterSource().addValue("id", id)
                .addValue("documentId", documentId)
                .addValue("level", section.level(), Types.INTEGER)
                .addValue("title", truncate(clean(section.title()), MAX_TITLE_LENGTH), Types.VARCHAR)
                .addValue("content", clean(section.content()), Types.VARCHAR)
                .addValue("pageNumber", section.pageNumber(), Types.INTEGER)
                .addValue("parentId", parentId, Types.OTHER)
                .addValue("orderIndex", section.orderIndex(), Types.INTEGER));
            if (rows.size() == BATCH_SIZE) {
                batch.batchUpdate(INSERT_SECTION, rows.toArray(SqlParameterSource[]::new));
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate(INSERT_SECTION, rows.toArray(SqlParameterSource[]::new));
        }
    }

    void recordProcessedEvent(UUID eventId, UUID documentId) {
        statement(RECORD_EVENT).param("eventId", eventId)
            .param("consumer", CONSUMER)
            .param("documentId", documentId)
            .update();
    }

    /** PostgreSQL text cannot hold NUL characters, which damaged PDFs do produce. */
    static String clean(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    static String truncate(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static @Nullable UUID parseUuid(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    record StaleDocument(UUID documentId, @Nullable UUID eventId) {
    }

}
