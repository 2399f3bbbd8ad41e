package org.edm.search.versions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.edm.search.versions.VersionViews.Change;
import org.edm.search.versions.VersionViews.Counts;
import org.edm.search.versions.VersionViews.SectionRef;
import org.edm.versions.Hunk;
import org.edm.versions.StoredSections;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The versions feature's reads: families, stored comparisons, section keys. */
@Repository
class VersionsRepository {

    /**
     * The family key of documents {@code d}, as {@code org.edm.versions.Families.key} and
     * idx_documents_family.
     */
    private static final String FAMILY = "lower(btrim(regexp_replace(d.title, '\\s+', ' ', 'g')))";

    private static final String FAMILIES_PAGE = """
            SELECT DISTINCT %s AS family FROM documents d
            WHERE CAST(:after AS text) IS NULL OR %s > CAST(:after AS text)
            ORDER BY family
            LIMIT :limit
            """.formatted(FAMILY, FAMILY);

    private static final String MEMBERS = """
            SELECT d.id, d.title, d.version, d.processing_status, d.upload_date, %s AS family FROM documents d
            WHERE %s IN (:families)
            """.formatted(FAMILY, FAMILY);

    private static final String DOCUMENT = """
            SELECT d.id, d.title, d.version, d.processing_status, d.upload_date, %s AS family FROM documents d
            WHERE d.id = :id
            """.formatted(FAMILY);

    private static final String COMPARISONS_TO = """
            SELECT id, from_document_id, to_document_id, unchanged_count, changed_count, added_count, removed_count,
                   moved_count, renamed_count, computed_at
            FROM document_comparisons WHERE to_document_id IN (:ids)
            """;

    private static final String CHANGES_PAGE = """
            SELECT kind, section_key, from_section_id, to_section_id, from_title, to_title, CAST(hunks AS text) AS hunks
            FROM section_changes WHERE comparison_id = :id ORDER BY position OFFSET :offset LIMIT :limit
            """;

    private static final String SECTIONS = """
            SELECT id, level, parent_id, title, content, order_index FROM sections
            WHERE document_id = :documentId ORDER BY order_index
            """;

    private static final String KEYS = "SELECT section_id, section_key FROM section_keys WHERE document_id = :documentId";

    private static final String SECTION_BY_KEY = """
            SELECT s.id, s.title, s.level, s.content, s.page_number
            FROM section_keys k JOIN sections s ON s.id = k.section_id
            WHERE k.document_id = :documentId AND k.section_key = :key
            """;

    private static final String CHANGES_OF_KEY = """
            SELECT c.from_document_id, c.to_document_id, sc.kind
            FROM section_changes sc JOIN document_comparisons c ON c.id = sc.comparison_id
            WHERE sc.section_key = :key AND c.to_document_id IN (:ids)
            """;

    private static final TypeReference<List<Hunk>> HUNKS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final JsonMapper json;

    VersionsRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<String> families(@Nullable String after, int limit) {
        return jdbc.sql(FAMILIES_PAGE).param("after", after).param("limit", limit).query(String.class).list();
    }

    /** The members of the given families, by family key, each list in version order. */
    Map<String, List<Member>> members(Collection<String> families) {
        Map<String, List<Member>> members = new HashMap<>();
        if (families.isEmpty()) {
            return members;
        }
        jdbc.sql(MEMBERS)
            .param("families", families)
            .query((rs, row) -> members.computeIfAbsent(rs.getString("family"), f -> new ArrayList<>()).add(member(rs)))
            .list();
        members.values().forEach(list -> list.sort(Member.ORDER));
        return members;
    }

    /** The document and its family key. */
    Optional<Map.Entry<String, Member>> document(UUID id) {
        return jdbc.sql(DOCUMENT)
            .param("id", id)
            .query((rs, row) -> Map.entry(rs.getString("family"), member(rs)))
            .optional();
    }

    /** Stored comparisons whose newer side is one of {@code ids}. */
    List<StoredComparison> comparisonsTo(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COMPARISONS_TO)
            .param("ids", ids)
            .query((rs, row) -> new StoredComparison(rs.getObject("id", UUID.class),
                    rs.getObject("from_document_id", UUID.class), rs.getObject("to_document_id", UUID.class),
                    new Counts(rs.getInt("unchanged_count"), rs.getInt("changed_count"), rs.getInt("added_count"),
                            rs.getInt("removed_count"), rs.getInt("moved_count"), rs.getInt("renamed_count")),
                    rs.getTimestamp("computed_at").toInstant()))
            .list();
    }

    List<Change> changes(UUID comparisonId, int offset, int limit) {
        return jdbc.sql(CHANGES_PAGE)
            .param("id", comparisonId)
            .param("offset", offset)
            .param("limit", limit)
            .query((rs, row) -> new Change(rs.getString("kind"), rs.getString("section_key"),
                    rs.getObject("from_section_id", UUID.class), rs.getObject("to_section_id", UUID.class),
                    rs.getString("from_title"), rs.getString("to_title"), json.readValue(rs.getString("hunks"), HUNKS)))
            .list();
    }

    /** A document's sections for the library, and their ids, by order index. */
    StoredSections sections(UUID documentId) {
        return StoredSections
            .of(jdbc.sql(SECTIONS).param("documentId", documentId).query(StoredSections.Row.class).list());
    }

    /** The stored keys by order index, or empty unless every section has one. */
    Optional<List<String>> keys(UUID documentId, StoredSections sections) {
        return sections.keys(jdbc.sql(KEYS).param("documentId", documentId).query(StoredSections.Key.class).list());
    }

    Optional<SectionRef> sectionByKey(UUID documentId, String key) {
        return jdbc.sql(SECTION_BY_KEY)
            .param("documentId", documentId)
            .param("key", key)
            .query((rs, row) -> new SectionRef(rs.getObject("id", UUID.class), rs.getString("title"),
                    rs.getInt("level"), rs.getString("content") == null ? "" : rs.getString("content"),
                    rs.getObject("page_number", Integer.class)))
            .optional();
    }

    /**
     * (from, to, kind) of every stored change of the key whose newer side is one of
     * {@code ids}.
     */
    List<KeyChange> changesOfKey(String key, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CHANGES_OF_KEY)
            .param("key", key)
            .param("ids", ids)
            .query((rs, row) -> new KeyChange(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getString(3)))
            .list();
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("version"),
                rs.getString("processing_status"),
                rs.getTimestamp("upload_date") == null ? Instant.EPOCH : rs.getTimestamp("upload_date").toInstant());
    }

    record StoredComparison(UUID id, UUID from, UUID to, Counts counts, Instant computedAt) {
    }

    record KeyChange(UUID from, UUID to, String kind) {
    }

}
