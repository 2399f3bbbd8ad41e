package org.edm.search.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.edm.events.ProcessingStatus;
import org.edm.versions.Families;
import org.edm.versions.VersionOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each family's newest {@code done} version (families: same title, case- and
 * whitespace-insensitively; versions in natural version order, upload time breaking
 * ties), for {@code versions=latest} and the hits' {@code latest}. Filtering by it reads
 * every done document's title and version ({@link #documents()}); marking a page's hits
 * reads only the done documents of the hits' families, through the family index
 * ({@link #amongFamilies}).
 */
@Component
class LatestVersions {

    private static final String DONE_DOCUMENTS = """
            SELECT id, title, version, upload_date FROM documents WHERE processing_status = :done
            """;

    /**
     * The same, for some families only; the expression is that of
     * {@code idx_documents_family} (Families.key).
     */
    private static final String DONE_DOCUMENTS_OF_FAMILIES = """
            SELECT id, title, version, upload_date FROM documents
            WHERE lower(btrim(regexp_replace(title, '\\s+', ' ', 'g'))) IN (:families)
              AND processing_status = :done
            """;

    private static final Comparator<Version> ORDER = Comparator.comparing(Version::version, VersionOrder.INSTANCE)
        .thenComparing(Version::uploadDate)
        .thenComparing(Version::id);

    private final JdbcClient jdbc;

    LatestVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A statement with every {@link ProcessingStatus} bound by name ({@code :done}, ...),
     * so that the SQL names the statuses as the code does.
     */
    private JdbcClient.StatementSpec statement(String sql) {
        return jdbc.sql(sql).params(ProcessingStatus.sqlParameters());
    }

    /** The newest done version of every family. */
    Set<UUID> documents() {
        return newest(statement(DONE_DOCUMENTS));
    }

    /**
     * The newest done version of each of these families (keys as {@link Families#key});
     * the others are left out.
     */
    Set<UUID> amongFamilies(Collection<String> families) {
        return families.isEmpty() ? Set.of()
                : newest(statement(DONE_DOCUMENTS_OF_FAMILIES).param("families", List.copyOf(families)));
    }

    private static Set<UUID> newest(JdbcClient.StatementSpec doneDocuments) {
        List<Version> versions = doneDocuments.query((rs, row) -> {
            Timestamp uploaded = rs.getTimestamp("upload_date");
            return new Version(rs.getObject("id", UUID.class), Families.key(rs.getString("title")),
                    rs.getString("version"), uploaded == null ? Instant.EPOCH : uploaded.toInstant());
        }).list();
        Map<String, Version> newest = new HashMap<>();
        for (Version version : versions) {
            newest.merge(version.family(), version, (a, b) -> ORDER.compare(a, b) >= 0 ? a : b);
        }
        Set<UUID> ids = new HashSet<>();
        newest.values().forEach(v -> ids.add(v.id()));
        return ids;
    }

    private record Version(UUID id, String family, String version, Instant uploadDate) {
    }

}
