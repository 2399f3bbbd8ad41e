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
 * With more matches than {@code edm.search.ranked-candidates} (tiny here), the ranking is
 * bounded: title matches still come first, the total is an estimate, and paging stays
 * within the candidate set without repeating a hit. A phrase is read through its word
 * pairs; one whose pairs cannot be looked up (across a stop word) and whose matches lie
 * beyond the rows read first ({@code edm.search.examined-rows}) is still found by a
 * deeper read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "edm.search.ranked-candidates=" + BoundedRankingIntegrationTest.RANKED_CANDIDATES,
                "edm.search.examined-rows=9" })
@AutoConfigureRestTestClient
@Import(ReaderKey.class)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedRankingIntegrationTest {

    /** Matches ranked at most in each of the two tiers (title matches, all matches). */
    static final int RANKED_CANDIDATES = 6;

    @Autowired
    RestTestClient http;

    final String word = TestDocuments.uniqueWord();

    UUID document;

    final List<UUID> bodies = new ArrayList<>();

    final List<UUID> titled = new ArrayList<>();

    final List<UUID> phrases = new ArrayList<>();

    final List<UUID> acrossStopWord = new ArrayList<>();

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    SectionSearch search;

    @BeforeAll
    void writeSections() {
        var data = new TestDocuments();
        document = data.document("Bounded " + word, "1.0", "done");
        int order = 0;
        for (int i = 0; i < 12; i++) {
            bodies.add(data.section(document, null, 1, order++, "Body " + i,
                    "Text that mentions " + word + " once, then alpha.", 1));
        }
        for (int i = 0; i < 4; i++) {
            phrases.add(
                    data.section(document, null, 1, order++, "Phrase " + i, "Here " + word + " alpha is a phrase.", 2));
        }
        for (int i = 0; i < 2; i++) {
            acrossStopWord
                .add(data.section(document, null, 1, order++, "Gap " + i, "Here " + word + " of alpha again.", 2));
        }
        // written last, so they are not among the first matches in physical order
        for (int i = 0; i < 3; i++) {
            titled.add(data.section(document, null, 1, order++, "About " + word, "The heading says it all.", 3));
        }
    }

    @Test
    void titleMatchesRankFirstEvenBeyondTheCandidateBound() {
        JsonNode page = search(word + " ", 5, null);

        assertThat(page.path("allMatchesRanked").asBoolean()).isFalse();
        assertThat(page.path("totalIsEstimate").asBoolean()).isTrue();
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(SearchIntegrationTest.ids(page).subList(0, 3)).containsExactlyInAnyOrderElementsOf(titled);
    }

    @Test
    void pagingWithinTheBoundNeverRepeatsAHit() {
        // given: 21 sections hold the word, 3 of them in their title
        int matches = bodies.size() + phrases.size() + acrossStopWord.size() + titled.size();
        assertThat(matches).isGreaterThan(titled.size() + RANKED_CANDIDATES);

        // when
        List<UUID> paged = allPages(word + " ", 2);

        // then: the pages hold the two bounded tiers and nothing beyond them: every title
        // match (fewer than the
        // bound), and the first RANKED_CANDIDATES matches read, which are not the title
        // matches (written last)
        assertThat(paged).hasSize(titled.size() + RANKED_CANDIDATES).containsAll(titled);
        assertThat(paged).hasSizeLessThan(matches);
    }

    @Test
    void aPhraseIsReadThroughItsWordPairsNotThroughEverySectionWithItsWords() {
        double pairsBefore = searches("pairs");
        // the first 9 sections with both words have them apart; only the phrases hold the
        // pair
        JsonNode page = search("\"" + word + " alpha\"", 20, null);

        assertThat(SearchIntegrationTest.ids(page)).containsExactlyInAnyOrderElementsOf(phrases);
        assertThat(page.path("allMatchesRanked").asBoolean()).isTrue();
        assertThat(page.path("total").asLong()).isEqualTo(4);
        assertThat(page.path("totalIsEstimate").asBoolean()).isFalse();
        assertThat(searches("pairs")).isEqualTo(pairsBefore + 1);
    }

    @Test
    void pagesOfAPhraseReadThroughItsPairsNeverRepeatAHit() {
        assertThat(allPages("\"" + word + " alpha\"", 3)).hasSize(4).containsExactlyInAnyOrderElementsOf(phrases);
    }

    @Test
    void aPhraseAcrossAStopWordBeyondTheRowsReadFirstIsFoundByTheDeeperSecondRead() {
        double deepenedBefore = searches("deepened-index");
        // "of" leaves a gap: no pair to look up, so the first read takes the first 9
        // sections with both words
        JsonNode page = search("\"" + word + " of alpha\"", 20, null);

        assertThat(SearchIntegrationTest.ids(page)).containsExactlyInAnyOrderElementsOf(acrossStopWord);
        assertThat(page.path("allMatchesRanked").asBoolean()).as("the deeper read examined every match").isTrue();
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(searches("deepened-index")).isEqualTo(deepenedBefore + 1);
    }

    @Test
    void deeperReadPagesWithoutRepeatingAHit() {
        assertThat(allPages("\"" + word + " of alpha\"", 1)).hasSize(2)
            .containsExactlyInAnyOrderElementsOf(acrossStopWord);
    }

    @Test
    void thePhraseSearchReadsItsCandidatesThroughThePairIndex() {
        // given: on tables this small the planner may rightly prefer other plans (such as
        // every section of the one
        // done document through idx_sections_order); with only bitmap scans and no nested
        // loops allowed, the
        // production statement's condition must let it pick idx_sections_phrase_pairs
        List<String> plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), "
                    + "set_config('enable_nestloop', 'off', true)")
                .query((rs, n) -> 1)
                .single();

            // when: the search itself runs, under EXPLAIN ANALYZE, in this transaction
            // (without the document
            // filter, whose index would otherwise be the cheaper way to these few rows;
            // the word is unique anyway)
            return search.explain("\"" + word + " alpha\"", SearchFilters.NONE, 20);
        });

        // then: the pair index was scanned and gave the four phrase sections (and no
        // section without the pair)
        assertThat(plan).as(String.join("\n", plan))
            .anyMatch(line -> line.contains("Bitmap Index Scan on idx_sections_phrase_pairs"));
        assertThat(plan).as(String.join("\n", plan))
            .anyMatch(line -> line.contains("Bitmap Heap Scan on sections")
                    && line.contains(" rows=" + phrases.size() + " loops="));
    }

    /** Every page of a search, following the cursors; fails if a hit repeats. */
    private List<UUID> allPages(String query, int limit) {
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = search(query, limit, cursor);
            seen.addAll(SearchIntegrationTest.ids(page));
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode() ? null
                    : page.path("nextCursor").asString();
        }
        while (cursor != null && ++pages < 20);
        assertThat(new HashSet<>(seen)).as("no hit on two pages").hasSameSizeAs(seen);
        return seen;
    }

    private double searches(String candidates) {
        var timer = meters.find("edm.search.query").tag("candidates", candidates).timer();
        return timer == null ? 0 : timer.count();
    }

    private JsonNode search(String query, int limit, String cursor) {
        return OkJson.get(http,
                "/api/search?q={q}&document={d}&limit={l}" + (cursor == null ? "" : "&cursor=" + cursor), query,
                document, limit);
    }

}
