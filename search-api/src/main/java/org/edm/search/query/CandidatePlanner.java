package org.edm.search.query;

import org.edm.search.query.SearchRepository.Normalised;
import org.edm.search.query.SearchRepository.PageQuery;
import org.edm.search.query.SearchRepository.Ranked;
import org.edm.search.query.syntax.UserQuery;
import org.jspecify.annotations.Nullable;

/**
 * How a search finds its candidates, and how many matches it reports: from the normalised
 * query, the lexeme statistics and the filters it picks the index to read (full, its 1/64
 * sample, or the word-pair index) and how many rows to examine; after the page ran, it
 * estimates the total when not every match was ranked.
 */
final class CandidatePlanner {

    private final SearchRepository repository;

    private final TermStatistics statistics;

    private final SearchSettings settings;

    CandidatePlanner(SearchRepository repository, TermStatistics statistics, SearchSettings settings) {
        this.repository = repository;
        this.statistics = statistics;
        this.settings = settings;
    }

    /** A page query ready to run, with what was learnt while preparing it. */
    record Planned(PageQuery query, String interpretedAs, String relaxed, double expectedMatches, boolean deepened) {

        /**
         * Every candidate was examined: nothing was cut short by the bound or left out by
         * the sample, and the alternatives for titles only (which can match sections the
         * text query does not) were all read too.
         */
        boolean exhaustive(Ranked ranked) {
            boolean titleAlternatives = !query.titleRelaxed().equals(query.relaxed());
            return !query.sample() && ranked.examined() < query.examined()
                    && (!titleAlternatives || query.titleTier() && ranked.titleExamined() < query.examined());
        }

        /**
         * The same search through the full index, examining up to {@code rows} matching
         * rows.
         */
        Planned deepened(int rows) {
            PageQuery q = query;
            return new Planned(
                    new PageQuery(q.relaxed(), q.pairs(), q.exact(), q.titleRelaxed(), q.titleExact(), q.inTitle(),
                            q.filters(), rows, false, q.titleTier(), q.normalization(), q.after(), q.pageRows()),
                    interpretedAs, relaxed, expectedMatches, true);
        }

        String candidates() {
            return (deepened ? "deepened-" : "")
                    + (!query.pairs().isEmpty() ? "pairs" : query.sample() ? "sample" : "index");
        }
    }

    /**
     * Normalises the query and chooses how to find candidates; null when only stop words
     * were given.
     * <p>
     * A phrase whose word pairs are rare enough is read through the word-pair index.
     * Otherwise: a GIN bitmap scan lists every posting of the query's lexemes before the
     * first row is read. When that means more than {@code sample-above-postings} entries,
     * and the sample index (1/64 of the sections) is expected to hold at least as many
     * matches as are examined (judged optimistically), the candidates come from the
     * sample: as many are ranked, spread over all documents, for 1/64 of the index work.
     * With filters other than the document the share of sections that pass is unknown;
     * they are assumed to pass one in ten. A document filter never samples.
     */
    @Nullable Planned plan(UserQuery query, SearchFilters filters, int limit, @Nullable SearchCursor after) {
        Normalised normalised = repository.normalise(TsQueryText.required(query),
                TsQueryText.requiredWithTitleAlternatives(query), TsQueryText.requiredInTitle(query),
                TsQueryText.excluded(query), settings.statementTimeout().toMillis());
        if (normalised.required().isBlank()) {
            return null;
        }
        String exact = excluding(normalised.required(), normalised.excluded());
        String titleExact = excluding(normalised.requiredWithTitleAlternatives(), normalised.excluded());
        String relaxed = TsQueryText.withoutPositions(normalised.required());
        String titleRelaxed = TsQueryText.withoutPositions(normalised.requiredWithTitleAlternatives());
        String pairs = PhrasePairs.required(normalised.required());
        boolean positional = !relaxed.equals(normalised.required());
        // without word positions to check, every examined row is a match: examine only as
        // many as are ranked
        int examined = positional ? settings.examinedRows() : settings.rankedCandidates();

        TermStatistics.Snapshot statistics = this.statistics.snapshot();
        // a phrase's word pairs narrow the rows to read to the sections that can hold it,
        // unless the pairs are so
        // common that listing them costs more than reading candidates the usual way
        if (!pairs.isEmpty() && statistics.pairPostings(TsQueryTree.parse(pairs)) > settings.sampleAbovePostings()) {
            pairs = "";
        }
        TsQueryTree tree = TsQueryTree.parse(relaxed);
        double matches = statistics.matches(tree, false);
        double passing = filters.document() != null ? 0 : filters.narrowsDocuments() ? 0.1 : 1;
        // optimistic on purpose: words of one query occur together more often than
        // independence predicts, and a
        // sample that turns out too thin costs a few milliseconds before the deeper read
        double inSample = statistics.matchesAtMost(tree) * passing * SearchRepository.SAMPLE_SHARE;
        boolean sample = pairs.isEmpty() && statistics.postings(tree, false) > settings.sampleAbovePostings()
                && inSample >= examined;
        boolean titleTier = statistics.postings(TsQueryTree.parse(titleRelaxed), true) <= settings
            .titleTierMaxPostings();
        boolean deepened = false;
        if (after != null) {
            // later pages rank the same candidate set as the first, whatever the
            // statistics say now
            sample = after.sample();
            pairs = after.pairs() ? pairs : "";
            titleTier = after.titleTier();
            deepened = after.deepened();
            examined = deepened ? settings.deepenedRows() : examined;
        }
        var pageQuery = new PageQuery(relaxed, pairs, exact, titleRelaxed, titleExact, normalised.requiredInTitle(),
                filters, examined, sample, titleTier, settings.rankNormalization(), after, limit + 1);
        return new Planned(pageQuery, titleExact, relaxed, matches, deepened);
    }

    private static String excluding(String required, String excluded) {
        return excluded.isBlank() ? required : "( " + required + " ) & !( " + excluded + " )";
    }

    /**
     * How many sections match: exact when every candidate was examined; else from the
     * sample's share, or from the statistics (or, with filters, the planner's estimate)
     * times the share of examined rows that matched.
     */
    long total(Planned planned, Ranked ranked, SearchFilters filters) {
        if (planned.exhaustive(ranked)) {
            return ranked.matchedEither();
        }
        if (planned.query().sample() && ranked.examined() < planned.query().examined()) {
            // the whole sample was read: it holds a fixed share of the sections, matches
            // included
            return Math.max(ranked.matchedEither(), Math.round(ranked.matched() / SearchRepository.SAMPLE_SHARE));
        }
        // the statistics (or, with filters, the planner) tell how many rows match without
        // positions; the
        // examined rows tell how many of those match with positions and exclusions too
        double share = (double) ranked.matched() / Math.max(1, ranked.examined());
        double expected = filters.equals(SearchFilters.NONE) ? planned.expectedMatches()
                : repository.estimate(planned.relaxed(), filters);
        return Math.max(ranked.matchedEither(), Math.round(expected * share));
    }

}
