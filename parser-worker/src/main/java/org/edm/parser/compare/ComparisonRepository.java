package org.edm.parser.compare;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.edm.events.ProcessingStatus;
import org.edm.versions.ChangeKind;
import org.edm.versions.Comparison;
import org.edm.versions.SectionChange;
import org.edm.versions.StoredSections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The versions feature's SQL on {@code documents}, {@code sections},
 * {@code section_keys}, the comparison tables.
 */
@Repository
class ComparisonRepository {

    static final String CONSUMER = "parser-worker-compare";

    private static final String ALREADY_PROCESSED = """
            SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_id = :eventId AND consumer = :consumer)
            """;

    private static final String RECORD_PROCESSED = """
            INSERT INTO processed_events (event_id, consumer, document_id)
            VALUES (:eventId, :consumer, :documentId)
            ON CONFLICT (event_id, consumer) DO NOTHING
            """;

    private static final String TITLE = "SELECT title FROM documents WHERE id = :id";

    private static final String LOCK_DOCUMENT = """
            SELECT processing_status FROM documents WHERE id = :id FOR UPDATE
            """;

    // serialises the work on one family across threads and instances, for the transaction
    private static final String LOCK_FAMILY = """
            SELECT pg_advisory_xact_lock(hashtext('edm-family:' || :family))
            """;

    private static final String FAMILY_MEMBERS = """
            SELECT id, version, upload_date FROM documents
            WHERE lower(btrim(regexp_replace(title, '\\s+', ' ', 'g'))) = :family AND processing_status = :done
            """;

    private static final String SECTIONS = """
            SELECT id, level, parent_id, title, content, order_index FROM sections
            WHERE document_id = :documentId ORDER BY order_index
            """;

    private static final String KEYS = """
            SELECT k.section_id, k.section_key FROM section_keys k WHERE k.document_id = :documentId
            """;

    private static final String DELETE_KEYS = "DELETE FROM section_keys WHERE document_id = :documentId";

    private static final String INSERT_KEY = """
            INSERT INTO section_keys (section_id, document_id, section_key) VALUES (:sectionId, :documentId, :key)
            """;

    private static final String DELETE_COMPARISON = """
            DELETE FROM document_comparisons WHERE from_document_id = :fromId AND to_document_id = :toId
            """;

    private static final String INSERT_COMPARISON = """
            INSERT INTO document_comparisons (id, from_document_id, to_document_id, unchanged_count, changed_count,
                added_count, removed_count, moved_count, renamed_count, computed_at)
            VALUES (:id, :fromId, :toId, :unchanged, :changed, :added, :removed, :moved, :renamed, :computedAt)
            """;

    private static final String INSERT_CHANGE = """
            INSERT INTO section_changes (comparison_id, position, kind, section_key, from_section_id, to_section_id,
                from_title, to_title, hunks)
            VALUES (:comparisonId, :position, :kind, :key, :fromSectionId, :toSectionId, :fromTitle, :toTitle,
                CAST(:hunks AS jsonb))
            """;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    ComparisonRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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

    void recordProcessed(UUID eventId, UUID documentId) {
        statement(RECORD_PROCESSED).param("eventId", eventId)
            .param("consumer", CONSUMER)
            .param("documentId", documentId)
            .update();
    }

    Optional<String> title(UUID documentId) {
        return statement(TITLE).param("id", documentId).query(String.class).optional();
    }

    /**
     * Locks the document row for the transaction; whether it exists and is {@code done}.
     */
    boolean lockDone(UUID documentId) {
        return statement(LOCK_DOCUMENT).param("id", documentId)
            .query(String.class)
            .optional()
            .filter(ProcessingStatus.DONE.value()::equals)
            .isPresent();
    }

    void lockFamily(String family) {
        statement(LOCK_FAMILY).param("family", family).query((rs, row) -> 1).list();
    }

    /** The family's {@code done} versions, in version order. */
    List<FamilyMember> familyMembers(String family) {
        List<FamilyMember> members = new ArrayList<>(statement(FAMILY_MEMBERS).param("family", family)
            .query((rs, row) -> new FamilyMember(rs.getObject("id", UUID.class), rs.getString("version"),
                    rs.getTimestamp("upload_date").toInstant()))
            .list());
        members.sort(FamilyMember.ORDER);
        return members;
    }

    StoredSections sections(UUID documentId) {
        return StoredSections
            .of(statement(SECTIONS).param("documentId", documentId).query(StoredSections.Row.class).list());
    }

    /**
     * The stored keys by {@code orderIndex}, or empty when the document has none (or not
     * for every section).
     */
    Optional<List<String>> keys(StoredSections sections, UUID documentId) {
        return sections.keys(statement(KEYS).param("documentId", documentId).query(StoredSections.Key.class).list());
    }

    void replaceKeys(UUID documentId, StoredSections sections, List<String> keys) {
        statement(DELETE_KEYS).param("documentId", documentId).update();
        for (int i = 0; i < keys.size(); i++) {
            statement(INSERT_KEY).param("sectionId", sections.ids().get(i))
                .param("documentId", documentId)
                .param("key", keys.get(i))
                .update();
        }
    }

    void replaceComparison(UUID fromId, StoredSections from, UUID toId, StoredSections to, Comparison comparison,
            Instant computedAt) {
        statement(DELETE_COMPARISON).param("fromId", fromId).param("toId", toId).update();
        UUID comparisonId = UUID.randomUUID();
        Map<ChangeKind, Integer> counts = comparison.counts();
        statement(INSERT_COMPARISON).param("id", comparisonId)
            .param("fromId", fromId)
            .param("toId", toId)
            .param("unchanged", counts.get(ChangeKind.UNCHANGED))
            .param("changed", counts.get(ChangeKind.CHANGED))
            .param("added", counts.get(ChangeKind.ADDED))
            .param("removed", counts.get(ChangeKind.REMOVED))
            .param("moved", counts.get(ChangeKind.MOVED))
            .param("renamed", counts.get(ChangeKind.RENAMED))
            .param("computedAt", Timestamp.from(computedAt))
            .update();
        int position = 0;
        for (SectionChange change : comparison.differences()) {
            statement(INSERT_CHANGE).param("comparisonId", comparisonId)
                .param("position", position++)
                .param("kind", change.kind().wireName())
                .param("key", change.key())
                .param("fromSectionId", change.fromIndex() == null ? null : from.ids().get(change.fromIndex()))
                .param("toSectionId", change.toIndex() == null ? null : to.ids().get(change.toIndex()))
                .param("fromTitle", change.fromTitle())
                .param("toTitle", change.toTitle())
                .param("hunks", json.writeValueAsString(change.hunks()))
                .update();
        }
    }

}
