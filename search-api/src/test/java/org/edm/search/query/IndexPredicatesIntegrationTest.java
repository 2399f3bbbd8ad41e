package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The search's SQL names three index expressions that must stay those of the migrations,
 * or the planner stops using the indexes (the search still answers, slowly):
 * {@link SearchRepository#IN_SAMPLE} (the predicate of {@code idx_sections_fts_sample}),
 * {@link SearchRepository#TITLE_VECTOR} ({@code idx_sections_title_fts}) and
 * {@link SearchRepository#WORD_PAIRS} ({@code idx_sections_phrase_pairs}). PostgreSQL
 * prints an index's definition in its own normal form, so the constants are compared
 * through the same printer: indexes built from them on a scratch copy of {@code sections}
 * must read back from {@code pg_indexes} as the migrated ones do.
 */
class IndexPredicatesIntegrationTest {

    private final DataSource database = TestInfrastructure.shared().dataSource();

    @Test
    void theSearchsIndexExpressionsAreTheMigrationsVerbatim() throws Exception {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                // given: the search's expressions, on a table shaped like sections (alias
                // s removed)
                sql.execute("CREATE TEMP TABLE sections_probe (LIKE sections) ON COMMIT DROP");
                sql.execute("CREATE INDEX probe_sample ON sections_probe USING gin (search_vector) WHERE "
                        + unaliased(SearchRepository.IN_SAMPLE));
                sql.execute("CREATE INDEX probe_title ON sections_probe USING gin ("
                        + unaliased(SearchRepository.TITLE_VECTOR) + ")");
                sql.execute("CREATE INDEX probe_pairs ON sections_probe USING gin ("
                        + unaliased(SearchRepository.WORD_PAIRS) + ")");

                // when / then: PostgreSQL prints them as it prints the migrated indexes
                assertThat(definition(sql, "probe_sample")).isEqualTo(definition(sql, "idx_sections_fts_sample"));
                assertThat(definition(sql, "probe_title")).isEqualTo(definition(sql, "idx_sections_title_fts"));
                assertThat(definition(sql, "probe_pairs")).isEqualTo(definition(sql, "idx_sections_phrase_pairs"));
            }
            finally {
                connection.rollback();
            }
        }
    }

    /**
     * What follows {@code USING}: the method, the indexed expression and the predicate.
     */
    private static String definition(Statement sql, String index) throws Exception {
        try (ResultSet rs = sql.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = '" + index + "'")) {
            assertThat(rs.next()).as(index + " in pg_indexes").isTrue();
            String definition = rs.getString(1);
            return definition.substring(definition.indexOf(" USING "));
        }
    }

    private static String unaliased(String expression) {
        return expression.replaceAll("\\bs\\.", "");
    }

}
