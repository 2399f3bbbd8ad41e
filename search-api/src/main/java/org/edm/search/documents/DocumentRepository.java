package org.edm.search.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.edm.search.documents.DocumentViews.DocumentDetail;
import org.edm.search.documents.DocumentViews.DocumentRef;
import org.edm.search.documents.DocumentViews.DocumentSummary;
import org.edm.search.documents.DocumentViews.OutlineEntry;
import org.edm.search.documents.DocumentViews.SectionLink;
import org.edm.search.documents.DocumentViews.SectionView;
import org.edm.search.web.Breadcrumbs;
import org.edm.versions.Families;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads documents and their sections; search-api never writes. */
@Repository
class DocumentRepository {

    /** Filters of the listing; every one is optional. */
    record ListFilters(@Nullable String status, @Nullable String title, @Nullable String version,
            @Nullable String family) {

        /**
         * {@code family} is a family key or any spelling of a title of the family; kept
         * as its key.
         */
        ListFilters {
            family = family == null ? null : Families.key(family);
        }

        @Nullable String titlePattern() {
            return title == null ? null
                    : "%" + title.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }

        String canonical() {
            return status + "|" + title + "|" + version + "|" + family;
        }
    }

    /**
     * The family condition is the family key's SQL form ({@link Families}), as
     * idx_documents_family indexes it.
     */
    private static final String FILTERS = """
            (CAST(:status AS text) IS NULL OR d.processing_status = CAST(:status AS text))
              AND (CAST(:title AS text) IS NULL OR d.title ILIKE CAST(:title AS text))
              AND (CAST(:version AS text) IS NULL OR d.version = CAST(:version AS text))
              AND (CAST(:family AS text) IS NULL
                   OR lower(btrim(regexp_replace(d.title, '\\s+', ' ', 'g'))) = CAST(:family AS text))
            """;

    static final String COUNT = "SELECT count(*) FROM documents d WHERE " + FILTERS;

    /**
     * Newest upload first; the keyset (upload_date, id) makes pages stable while
     * documents arrive. The time columns are {@code timestamp}, session-local wall-clock
     * time as {@code now()} wrote it: {@code AT TIME ZONE
     * current_setting('TimeZone')} reads them as instants, as ingest-service does, and
     * turns the cursor's instant back into the column's type, so that the comparison
     * stays on the plain column.
     */
    static final String LIST = """
            SELECT d.id, d.title, d.version, d.processing_status,
                   d.upload_date AT TIME ZONE current_setting('TimeZone') AS upload_date, d.page_count,
                   CASE WHEN d.metadata ->> 'section_count' ~ '^[0-9]{1,9}$'
                        THEN CAST(d.metadata ->> 'section_count' AS integer) END AS section_count,
                   d.metadata ->> 'failure_reason' AS failure_reason
            FROM documents d
            WHERE %s
              AND (NOT :after OR d.upload_date < (:afterDate AT TIME ZONE current_setting('TimeZone'))
                   OR (d.upload_date = (:afterDate AT TIME ZONE current_setting('TimeZone')) AND d.id > :afterId))
            ORDER BY d.upload_date DESC, d.id
            LIMIT :rows
            """.formatted(FILTERS);

    static final String DETAIL = """
            SELECT d.id, d.title, d.version, d.processing_status,
                   d.upload_date AT TIME ZONE current_setting('TimeZone') AS upload_date, d.page_count,
                   CAST(d.metadata AS text) AS metadata,
                   d.created_at AT TIME ZONE current_setting('TimeZone') AS created_at,
                   d.updated_at AT TIME ZONE current_setting('TimeZone') AS updated_at,
                   (SELECT count(*) FROM sections s WHERE s.document_id = d.id) AS section_count
            FROM documents d
            WHERE d.id = :id
            """;

    static final String OUTLINE = """
            SELECT s.id, s.parent_id, s.level, s.title, s.page_number, s.order_index
            FROM sections s
            WHERE s.document_id = :id
            ORDER BY s.order_index
            """;

    /**
     * The section, its document, its ancestors (top first) and its neighbours in reading
     * order.
     */
    static final String SECTION = """
            WITH RECURSIVE ancestors (id, depth) AS (
                SELECT s.parent_id, 1 FROM sections s WHERE s.id = :id AND s.parent_id IS NOT NULL
                UNION ALL
                SELECT p.parent_id, a.depth + 1 FROM ancestors a JOIN sections p ON p.id = a.id
                WHERE p.parent_id IS NOT NULL AND a.depth < 64
            )
            SELECT s.id, s.parent_id, s.level, s.title, s.content, s.page_number, s.order_index,
                   d.id AS document_id, d.title AS document_title, d.version AS document_version,
                   d.processing_status AS document_status,
                   (SELECT array_agg(CAST(x.id AS text) ORDER BY a.depth DESC)
                    FROM ancestors a JOIN sections x ON x.id = a.id) AS breadcrumb_ids,
                   (SELECT array_agg(x.title ORDER BY a.depth DESC)
                    FROM ancestors a JOIN sections x ON x.id = a.id) AS breadcrumb_titles,
                   prev.id AS previous_id, prev.title AS previous_title,
                   next.id AS next_id, next.title AS next_title
            FROM sections s
            JOIN documents d ON d.id = s.document_id
            LEFT JOIN LATERAL (SELECT p.id, p.title FROM sections p
                               WHERE p.document_id = s.document_id AND p.order_index < s.order_index
                               ORDER BY p.order_index DESC LIMIT 1) prev ON true
            LEFT JOIN LATERAL (SELECT n.id, n.title FROM sections n
                               WHERE n.document_id = s.document_id AND n.order_index > s.order_index
                               ORDER BY n.order_index LIMIT 1) next ON true
            WHERE s.id = :id
            """;

    private static final UUID NO_ID = new UUID(0, 0);

    private final JdbcClient jdbc;

    private final JsonMapper json;

    DocumentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long count(ListFilters filters) {
        return filtered(jdbc.sql(COUNT), filters).query(Long.class).single();
    }

    List<DocumentSummary> list(ListFilters filters, @Nullable DocumentCursor after, int rows) {
        return filtered(jdbc.sql(LIST), filters).param("after", after != null)
            .param("afterDate",
                    OffsetDateTime.ofInstant(after == null ? Instant.EPOCH : after.uploadDate(), ZoneOffset.UTC))
            .param("afterId", after == null ? NO_ID : after.id())
            .param("rows", rows)
            .query((rs, n) -> new DocumentSummary(rs.getObject("id", UUID.class), rs.getString("title"),
                    rs.getString("version"), rs.getString("processing_status"), instant(rs, "upload_date"),
                    rs.getObject("page_count", Integer.class), rs.getObject("section_count", Integer.class),
                    rs.getString("failure_reason")))
            .list();
    }

    Optional<DocumentDetail> find(UUID id) {
        return jdbc.sql(DETAIL)
            .param("id", id)
            .query((rs, n) -> new DocumentDetail(rs.getObject("id", UUID.class), rs.getString("title"),
                    rs.getString("version"), rs.getString("processing_status"), instant(rs, "upload_date"),
                    rs.getObject("page_count", Integer.class), metadata(rs.getString("metadata")),
                    rs.getLong("section_count"), instant(rs, "created_at"), instant(rs, "updated_at")))
            .optional();
    }

    List<OutlineEntry> outline(UUID documentId) {
        return jdbc.sql(OUTLINE)
            .param("id", documentId)
            .query((rs, n) -> new OutlineEntry(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
                    rs.getInt("level"), rs.getString("title"), rs.getObject("page_number", Integer.class),
                    rs.getInt("order_index")))
            .list();
    }

    Optional<SectionView> section(UUID id) {
        return jdbc.sql(SECTION)
            .param("id", id)
            .query((rs, n) -> new SectionView(rs.getObject("id", UUID.class),
                    new DocumentRef(rs.getObject("document_id", UUID.class), rs.getString("document_title"),
                            rs.getString("document_version"), rs.getString("document_status")),
                    rs.getObject("parent_id", UUID.class), rs.getInt("level"), rs.getString("title"),
                    rs.getString("content"), rs.getObject("page_number", Integer.class), rs.getInt("order_index"),
                    breadcrumb(rs), link(rs, "previous"), link(rs, "next")))
            .optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private @Nullable JsonNode metadata(@Nullable String text) {
        return text == null ? null : json.readTree(text);
    }

    private static @Nullable SectionLink link(ResultSet rs, String prefix) throws SQLException {
        UUID id = rs.getObject(prefix + "_id", UUID.class);
        return id == null ? null : new SectionLink(id, rs.getString(prefix + "_title"));
    }

    private static List<SectionLink> breadcrumb(ResultSet rs) throws SQLException {
        return Breadcrumbs.read(rs, SectionLink::new);
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, ListFilters filters) {
        return statement.param("status", filters.status())
            .param("title", filters.titlePattern())
            .param("version", filters.version())
            .param("family", filters.family());
    }

}
