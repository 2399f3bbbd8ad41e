package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.edm.search.ReaderKey;
import org.edm.search.support.OkJson;
import org.edm.search.support.TestDocuments;
import org.edm.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * A word in so many sections that a scan of the full index would list more postings than
 * {@code edm.search.sample-above-postings} (tiny here) takes its candidates from
 * {@code idx_sections_fts_sample}, the GIN index over the sections whose random id ends
 * in a byte below 4: every hit is such a section, the total is an estimate from the
 * lexeme statistics, and paging stays within the sample. A narrow filter that leaves the
 * sample too few matches gets its page from the deeper read of the full index instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "edm.search.ranked-candidates=8", "edm.search.sample-above-postings=100" })
@AutoConfigureRestTestClient
@Import(ReaderKey.class)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampledCandidatesIntegrationTest {

    private static final int SECTIONS = 6_000;

    @Autowired
    RestTestClient http;

    @Autowired
    SectionSearch search;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    final String word = TestDocuments.uniqueWord();

    final String version = "sampled-" + word;

    UUID small;

    @BeforeAll
    void writeSectionsAndAnalyse() {
        var data = new TestDocuments();
        UUID large = data.document("Sampled " + word, "1.0", "done");
        jdbc.sql(
                """
                        INSERT INTO sections (id, document_id, level, title, content, page_number, parent_id, order_index)
                        SELECT gen_random_uuid(), :document, 1, 'Part ' || i, 'Every part mentions ' || :word || ' in its text.',
                               1 + i / 20, NULL, i
                        FROM generate_series(0, :count - 1) AS i
                        """)
            .param("document", large)
            .param("word", word)
            .param("count", SECTIONS)
            .update();
        small = data.document("Sampled small " + word, version, "done");
        for (int i = 0; i < 5; i++) {
            data.section(small, null, 1, i, "Small part " + i, "This part mentions " + word + " too.", 1);
        }
        // the lexeme statistics come from ANALYZE, as autovacuum would run it after a
        // large load
        jdbc.sql("ANALYZE sections").update();
    }

    @Test
    void candidatesOfAVeryCommonWordComeFromTheSampleIndex() {
        JsonNode page = search(word + " ", 5, null, "");

        List<UUID> hits = SearchIntegrationTest.ids(page);
        assertThat(hits).hasSize(5).allMatch(SampledCandidatesIntegrationTest::inSample);
        assertThat(page.path("allMatchesRanked").asBoolean()).isFalse();
        assertThat(page.path("totalIsEstimate").asBoolean()).isTrue();
        assertThat(page.path("total").asLong()).as("estimated from the statistics").isBetween(3_000L, 12_000L);
    }

    @Test
    void theSampleStatementRepeatsTheIndexPredicate() {
        String predicate = jdbc.sql("""
                SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i
                WHERE i.indexrelid = CAST('idx_sections_fts_sample' AS regclass)
                """).query(String.class).single();
        assertThat(SearchRepository.PAGE_BY_SAMPLE)
            .contains(predicate.replaceAll("^\\((.*)\\)$", "$1").replace("(id)", "(s.id)"));

        // on a table this small the planner may rightly prefer other plans; with only
        // bitmap scans allowed, the
        // statement's condition must let it pick the sample index
        List<String> plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)")
                .query((rs, n) -> 1)
                .single();
            return jdbc
                .sql("EXPLAIN SELECT s.id FROM sections s WHERE s.search_vector @@ to_tsquery('english', :word) AND "
                        + SearchRepository.IN_SAMPLE)
                .param("word", word)
                .query(String.class)
                .list();
        });
        assertThat(plan).anyMatch(line -> line.contains("Bitmap Index Scan on idx_sections_fts_sample"));
    }

    @Test
    void pagesOfTheSampleNeverRepeatAHit() {
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = search(word + " ", 3, cursor, "");
            seen.addAll(SearchIntegrationTest.ids(page));
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode() ? null
                    : page.path("nextCursor").asString();
        }
        while (cursor != null && ++pages < 20);

        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(seen).hasSize(8).allMatch(SampledCandidatesIntegrationTest::inSample);
    }

    @Test
    void aNarrowFilterThatLeavesTheSampleShortIsReadDeeperThroughTheFullIndex() {
        double deepenedBefore = deepenedSearches();
        JsonNode page = search(word + " ", 20, null, "&version=" + version);

        assertThat(SearchIntegrationTest.ids(page)).hasSize(5);
        List<String> titles = new ArrayList<>();
        page.path("hits").forEach(hit -> titles.add(hit.path("title").asString()));
        assertThat(titles).allMatch(title -> title.startsWith("Small part"));
        assertThat(page.path("allMatchesRanked").asBoolean()).isTrue();
        assertThat(page.path("total").asLong()).isEqualTo(5);
        assertThat(deepenedSearches()).as("the sample came back short, the full index was read")
            .isEqualTo(deepenedBefore + 1);
    }

    private double deepenedSearches() {
        var timer = meters.find("edm.search.query").tag("candidates", "deepened-index").timer();
        return timer == null ? 0 : timer.count();
    }

    /** The predicate of idx_sections_fts_sample: the last byte of the id below 4. */
    static boolean inSample(UUID id) {
        return (id.getLeastSignificantBits() & 0xFF) < 4;
    }

    private JsonNode search(String query, int limit, String cursor, String filters) {
        return OkJson.get(http, "/api/search?q={q}&limit={l}" + filters + (cursor == null ? "" : "&cursor=" + cursor),
                query, limit);
    }

}
