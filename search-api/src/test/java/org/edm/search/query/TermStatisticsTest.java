package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;

import org.edm.search.query.TermStatistics.Frequencies;
import org.edm.search.query.TermStatistics.Snapshot;
import org.junit.jupiter.api.Test;

class TermStatisticsTest {

    final Snapshot statistics = new Snapshot(1_000_000,
            new Frequencies(Map.of("order", 0.3, "messag", 0.4, "ordinari", 0.01, "heartbeat", 0.02), 0.005),
            new Frequencies(Map.of("order", 0.05), 0.0002), new Frequencies(Map.of("sequenc number", 0.07), 0.0001),
            Instant.EPOCH);

    @Test
    void countsMatchesFromTheSharesOfTheLexemes() {
        assertThat(statistics.matches(TsQueryTree.parse("'order'"), false)).isCloseTo(300_000, within(1.0));
        assertThat(statistics.matches(TsQueryTree.parse("'order' & 'messag'"), false)).isCloseTo(120_000, within(1.0));
        assertThat(statistics.matches(TsQueryTree.parse("'order' | 'heartbeat'"), false)).isCloseTo(320_000,
                within(1.0));
        assertThat(statistics.matches(TsQueryTree.parse("'unlisted'"), false)).as("rarer than the least listed")
            .isCloseTo(2_500, within(1.0));
        assertThat(statistics.matches(TsQueryTree.parse("'order'"), true)).isCloseTo(50_000, within(1.0));
    }

    @Test
    void prefixCountsEveryListedCompletion() {
        assertThat(statistics.matches(TsQueryTree.parse("'ord':*"), false)).isGreaterThan(310_000);
        assertThat(statistics.matches(TsQueryTree.parse("'zzz':*"), false)).isCloseTo(5_000, within(1.0));
    }

    @Test
    void aGinScanReadsThePostingListOfEveryLexeme() {
        assertThat(statistics.postings(TsQueryTree.parse("'order' & 'heartbeat'"), false)).isCloseTo(320_000,
                within(1.0));
        assertThat(statistics.postings(TsQueryTree.parse("'order' | 'heartbeat'"), false)).isCloseTo(320_000,
                within(1.0));
    }

    @Test
    void atMostAsManyMatchAsTheRarestOperandOfAnAnd() {
        assertThat(statistics.matchesAtMost(TsQueryTree.parse("'order' & 'messag'"))).isCloseTo(300_000, within(1.0));
        assertThat(statistics.matchesAtMost(TsQueryTree.parse("'order' & ( 'messag' | 'heartbeat' )")))
            .isCloseTo(300_000, within(1.0));
        assertThat(statistics.matchesAtMost(TsQueryTree.parse("'heartbeat' & 'messag'"))).isCloseTo(20_000,
                within(1.0));
    }

    @Test
    void pairPostingsComeFromTheWordPairStatistics() {
        assertThat(statistics.pairPostings(TsQueryTree.parse("'sequenc number'"))).isCloseTo(70_000, within(1.0));
        assertThat(statistics.pairPostings(TsQueryTree.parse("'field order' & 'sequenc number'")))
            .as("the shortest list once per pair; unlisted pairs are rarer than the least listed")
            .isCloseTo(100, within(1.0));
    }

}
