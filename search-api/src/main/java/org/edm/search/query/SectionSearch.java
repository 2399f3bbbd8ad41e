package org.edm.search.query;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.edm.search.query.SearchRepository.Normalised;
import org.edm.search.query.SearchRepository.PageQuery;
import org.edm.search.query.SearchRepository.Ranked;
import org.edm.search.query.SearchRepository.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Full-text search over the sections of processed documents: parses the user's query, lets PostgreSQL normalise
 * it, picks how to find candidates from the lexeme statistics, and pages through the ranked result with a keyset
 * cursor on (score, id).
 */
@Service
class SectionSearch {

    /**
     * What reading one row in table order and checking it costs, in posting-list entries of a GIN bitmap scan.
     * From SearchBenchmark's plans at 1M sections: a posting of a word ~0.12 µs, of a prefix (GIN partial match)
     * ~1 µs; a row checked against words 0.2-0.9 µs, against a prefix ~1.8 µs. Both are costlier for prefixes, so
     * one factor serves.
     */
    private static final double SCANNED_ROW_COST = 2;

    private final SearchRepository repository;
    private final TermStatistics statistics;
    private final SearchSettings settings;
    private final UserQueryParser parser;
    private final TransactionTemplate readOnly;
    private final MeterRegistry meters;

    SectionSearch(SearchRepository repository, TermStatistics statistics, SearchSettings settings,
            PlatformTransactionManager transactions, MeterRegistry meters) {
        this.repository = repository;
        this.statistics = statistics;
        this.settings = settings;
        this.parser = new UserQueryParser(settings.maxQueryLength(), settings.maxQueryItems(),
                settings.minPrefixLength());
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.meters = meters;
    }

    /**
     * @param query  what the user typed
     * @param limit  hits per page, already validated
     * @param cursor {@link SearchPage#nextCursor()} of the previous page, or null for the first page
     */
    SearchPage search(String query, SearchFilters filters, int limit, @Nullable String cursor) {
        UserQuery parsed = parser.parse(query);
        String fingerprint = parsed.canonical() + "#" + filters.canonical();
        SearchCursor after = cursor == null ? null : SearchCursor.decode(cursor, fingerprint);
        long started = System.nanoTime();
        Outcome outcome = readOnly.execute(status -> run(parsed, filters, limit, after));
        if (outcome == null) {
            throw new IllegalStateException("the search transaction returned nothing");
        }
        Timer.builder("edm.search.query")
                .description("Time to answer one search request, by kind of query and ranking strategy")
                .tag("class", QueryClass.of(parsed).tag())
                .tag("ranking", outcome.allMatchesRanked() ? "all-matches" : "bounded")
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        SearchCursor last = outcome.last();
        return new SearchPage(query, outcome.interpretedAs(), outcome.hits(), outcome.total(), !outcome.totalIsExact(),
                outcome.allMatchesRanked(), last == null ? null : last.encode(fingerprint), limit);
    }

    /** What one page found, before it is shaped for the client. */
    private record Outcome(String interpretedAs, List<SearchPage.Hit> hits, long total, boolean totalIsExact,
            boolean allMatchesRanked, @Nullable SearchCursor last) {

        static final Outcome NOTHING = new Outcome("", List.of(), 0, true, true, null);
    }

    /**
     * The plan of a search as EXPLAIN (ANALYZE, BUFFERS) prints it: for checking which indexes each kind of query
     * uses (the benchmark prints one per query class). Runs the search once.
     */
    List<String> explain(String query, SearchFilters filters, int limit) {
        UserQuery parsed = parser.parse(query);
        List<String> plan = readOnly.execute(status -> {
            Planned planned = plan(parsed, filters, limit, null);
            return planned == null ? List.of("(only stop words: no statement runs)") : repository.explain(planned.query());
        });
        return plan == null ? List.of() : plan;
    }

    /** A page query ready to run, with what was learnt while preparing it. */
    private record Planned(PageQuery query, String exact, String relaxed, double expectedMatches) {
    }

    /**
     * Normalises the query and chooses how to find candidates; null when only stop words were given.
     * <p>
     * A GIN bitmap scan lists every posting of the query's lexemes before the first row is read; reading the
     * table in order stops after {@code examined} matches, that is after about examined / (share of sections that
     * match) rows. The cheaper of the two is chosen, a row read costing {@value #SCANNED_ROW_COST} postings. With
     * filters other than the document the share among the rows read is unknown; they are assumed to pass one row
     * in ten.
     */
    private @Nullable Planned plan(UserQuery query, SearchFilters filters, int limit, @Nullable SearchCursor after) {
        Normalised normalised = repository.normalise(TsQueryText.required(query), TsQueryText.requiredInTitle(query),
                TsQueryText.excluded(query), settings.statementTimeout().toMillis());
        if (normalised.required().isBlank()) {
            return null;
        }
        String exact = normalised.excluded().isBlank() ? normalised.required()
                : "( " + normalised.required() + " ) & !( " + normalised.excluded() + " )";
        String relaxed = TsQueryText.withoutPositions(normalised.required());
        boolean positional = !relaxed.equals(normalised.required());
        // without word positions to check, every examined row is a match: examine only as many as are ranked
        int examined = positional ? settings.examinedRows() : settings.rankedCandidates();

        TermStatistics.Snapshot statistics = this.statistics.snapshot();
        TsQueryTree tree = TsQueryTree.parse(relaxed);
        double matches = statistics.matches(tree, false);
        double share = statistics.sections() == 0 ? 0 : matches / statistics.sections();
        double passing = filters.document() != null ? 0 : filters.narrowsDocuments() ? 0.1 : 1;
        double rowsToRead = share * passing == 0 ? Double.MAX_VALUE : examined / (share * passing);
        double postings = statistics.postings(tree, false);
        // below a few milliseconds of GIN work the index is always used, so small tables are never scanned
        boolean scan = postings > settings.scanAbovePostings() && rowsToRead * SCANNED_ROW_COST < postings;
        boolean titleTier = statistics.postings(tree, true) <= settings.titleTierMaxPostings();
        if (after != null) {
            // later pages rank the same candidate set as the first, whatever the statistics say now
            scan = after.scan();
            titleTier = after.titleTier();
        }
        var pageQuery = new PageQuery(relaxed, exact, normalised.requiredInTitle(), filters, examined, scan, titleTier,
                settings.rankNormalization(), after, limit + 1);
        return new Planned(pageQuery, exact, relaxed, matches);
    }

    private Outcome run(UserQuery query, SearchFilters filters, int limit, @Nullable SearchCursor after) {
        Planned planned = plan(query, filters, limit, after);
        if (planned == null) {
            // only stop words or punctuation: nothing can match
            return Outcome.NOTHING;
        }
        Ranked ranked = repository.page(planned.query());
        boolean exhaustive = ranked.examined() < planned.query().examined();
        long total;
        if (exhaustive) {
            total = ranked.matched();
        } else {
            // the statistics (or, with filters, the planner) tell how many rows match without positions; the
            // examined rows tell how many of those match with positions and exclusions too
            double share = (double) ranked.matched() / Math.max(1, ranked.examined());
            double expected = filters.equals(SearchFilters.NONE) ? planned.expectedMatches()
                    : repository.estimate(planned.relaxed(), filters);
            total = Math.max(Math.max(ranked.matched(), ranked.titleMatched()), Math.round(expected * share));
        }
        List<Row> rows = ranked.rows();
        SearchCursor last = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row lastRow = rows.get(limit - 1);
            last = new SearchCursor(lastRow.score(), lastRow.id(), planned.query().scan(), planned.query().titleTier());
        }
        List<SearchPage.Hit> hits = rows.stream()
                .map(r -> new SearchPage.Hit(r.id(), r.title(), r.level(), r.breadcrumb(), r.document(), r.pageNumber(),
                        r.score(), r.snippet()))
                .toList();
        return new Outcome(planned.exact(), hits, total, exhaustive, exhaustive, last);
    }
}
