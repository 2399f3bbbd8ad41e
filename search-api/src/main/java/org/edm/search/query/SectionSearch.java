package org.edm.search.query;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.edm.search.query.SearchRepository.Normalised;
import org.edm.search.query.SearchRepository.PageQuery;
import org.edm.search.query.SearchRepository.Ranked;
import org.edm.search.query.SearchRepository.Row;
import org.edm.search.query.syntax.QueryClass;
import org.edm.search.query.syntax.UserQuery;
import org.edm.search.query.syntax.UserQueryParser;
import org.edm.search.web.InvalidCursor;
import org.edm.security.CursorSigner;
import org.edm.versions.Families;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Full-text search over the sections of processed documents: parses the user's query, lets PostgreSQL normalise
 * it, picks how to find candidates from the lexeme statistics, and pages through the ranked result with a keyset
 * cursor on (score, id). A first page that comes back short although its candidate read was cut short is searched
 * once more, deeper, so that a match is not missed because it lies beyond the first rows read.
 */
@Service
class SectionSearch {

    private final SearchRepository repository;
    private final TermStatistics statistics;
    private final SearchSettings settings;
    private final UserQueryParser parser;
    private final TransactionTemplate readOnly;
    private final MeterRegistry meters;
    /* Cursors are signed: a client can hand one back but not change its score, plan flags or fingerprint. */
    private final CursorSigner cursors;
    private final LatestVersions latestVersions;

    SectionSearch(SearchRepository repository, TermStatistics statistics, SearchSettings settings,
            PlatformTransactionManager transactions, MeterRegistry meters, CursorSigner cursors,
            LatestVersions latestVersions) {
        this.cursors = cursors;
        this.repository = repository;
        this.statistics = statistics;
        this.settings = settings;
        this.parser = new UserQueryParser(settings.maxQueryLength(), settings.maxQueryItems(),
                settings.minPrefixLength());
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.meters = meters;
        this.latestVersions = latestVersions;
    }

    /**
     * @param query  what the user typed
     * @param limit  hits per page, already validated
     * @param cursor {@link SearchPage#nextCursor()} of the previous page, or null for the first page
     */
    SearchPage search(String query, SearchFilters requested, int limit, @Nullable String cursor) {
        UserQuery parsed = parser.parse(query);
        // the newest versions of all families only when they filter; else only those of the hits' families, below
        Set<UUID> latest = requested.latestOnly() ? latestVersions.documents() : null;
        SearchFilters filters = latest != null ? requested.resolvedTo(latest) : requested;
        String fingerprint = parsed.canonical() + "#" + filters.canonical();
        SearchCursor after = cursor == null ? null
                : SearchCursor.decode(cursors.verify(cursor.strip()).orElseThrow(InvalidCursor::new), fingerprint);
        long started = System.nanoTime();
        Outcome outcome = readOnly.execute(status -> run(parsed, filters, limit, after));
        if (outcome == null) {
            throw new IllegalStateException("the search transaction returned nothing");
        }
        Timer.builder("edm.search.query")
                .description("Time to answer one search request, by kind of query and ranking strategy")
                .tag("class", QueryClass.of(parsed).tag())
                .tag("ranking", outcome.allMatchesRanked() ? "all-matches" : "bounded")
                .tag("candidates", outcome.candidates())
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        SearchCursor last = outcome.last();
        if (latest == null) {
            latest = latestVersions.amongFamilies(
                    outcome.hits().stream().map(SearchPage.Hit::family).collect(Collectors.toSet()));
        }
        return new SearchPage(query, outcome.interpretedAs(), outcome.hits(), outcome.total(), !outcome.totalIsExact(),
                outcome.allMatchesRanked(), last == null ? null : cursors.sign(last.encode(fingerprint)), limit)
                .markLatest(latest);
    }

    /** What one page found, before it is shaped for the client. */
    private record Outcome(String interpretedAs, List<SearchPage.Hit> hits, long total, boolean totalIsExact,
            boolean allMatchesRanked, String candidates, @Nullable SearchCursor last) {

        static final Outcome NOTHING = new Outcome("", List.of(), 0, true, true, "none", null);
    }

    /**
     * The plan of a search as EXPLAIN (ANALYZE, BUFFERS) prints it: for checking which indexes each kind of query
     * uses (the benchmark prints one per query class). Runs the search once.
     */
    List<String> explain(String query, SearchFilters requested, int limit) {
        UserQuery parsed = parser.parse(query);
        SearchFilters filters = requested.latestOnly() ? requested.resolvedTo(latestVersions.documents()) : requested;
        List<String> plan = readOnly.execute(status -> {
            Planned planned = plan(parsed, filters, limit, null);
            return planned == null ? List.of("(only stop words: no statement runs)") : repository.explain(planned.query());
        });
        return plan == null ? List.of() : plan;
    }

    /** A page query ready to run, with what was learnt while preparing it. */
    private record Planned(PageQuery query, String interpretedAs, String relaxed, double expectedMatches,
            boolean deepened) {

        /**
         * Every candidate was examined: nothing was cut short by the bound or left out by the sample, and the
         * alternatives for titles only (which can match sections the text query does not) were all read too.
         */
        boolean exhaustive(Ranked ranked) {
            boolean titleAlternatives = !query.titleRelaxed().equals(query.relaxed());
            return !query.sample() && ranked.examined() < query.examined()
                    && (!titleAlternatives || query.titleTier() && ranked.titleExamined() < query.examined());
        }

        /** The same search through the full index, examining up to {@code rows} matching rows. */
        Planned deepened(int rows) {
            PageQuery q = query;
            return new Planned(new PageQuery(q.relaxed(), q.pairs(), q.exact(), q.titleRelaxed(), q.titleExact(), q.inTitle(),
                    q.filters(), rows, false, q.titleTier(), q.normalization(), q.after(), q.pageRows()), interpretedAs,
                    relaxed, expectedMatches, true);
        }

        String candidates() {
            return (deepened ? "deepened-" : "") + (!query.pairs().isEmpty() ? "pairs" : query.sample() ? "sample" : "index");
        }
    }

    /**
     * Normalises the query and chooses how to find candidates; null when only stop words were given.
     * <p>
     * A phrase whose word pairs are rare enough is read through the word-pair index. Otherwise: a GIN bitmap scan
     * lists every posting of the query's lexemes before the first row is read. When that means more than
     * {@code sample-above-postings} entries, and the sample index (1/64 of the sections) is expected to hold at
     * least as many matches as are examined (judged optimistically), the candidates come from the sample: as many
     * are ranked, spread over all documents, for 1/64 of the index work. With filters other than the document the
     * share of sections that pass is unknown; they are assumed to pass one in ten. A document filter never
     * samples.
     */
    private @Nullable Planned plan(UserQuery query, SearchFilters filters, int limit, @Nullable SearchCursor after) {
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
        // without word positions to check, every examined row is a match: examine only as many as are ranked
        int examined = positional ? settings.examinedRows() : settings.rankedCandidates();

        TermStatistics.Snapshot statistics = this.statistics.snapshot();
        // a phrase's word pairs narrow the rows to read to the sections that can hold it, unless the pairs are so
        // common that listing them costs more than reading candidates the usual way
        if (!pairs.isEmpty() && statistics.pairPostings(TsQueryTree.parse(pairs)) > settings.sampleAbovePostings()) {
            pairs = "";
        }
        TsQueryTree tree = TsQueryTree.parse(relaxed);
        double matches = statistics.matches(tree, false);
        double passing = filters.document() != null ? 0 : filters.narrowsDocuments() ? 0.1 : 1;
        // optimistic on purpose: words of one query occur together more often than independence predicts, and a
        // sample that turns out too thin costs a few milliseconds before the deeper read
        double inSample = statistics.matchesAtMost(tree) * passing * SearchRepository.SAMPLE_SHARE;
        boolean sample = pairs.isEmpty() && statistics.postings(tree, false) > settings.sampleAbovePostings()
                && inSample >= examined;
        boolean titleTier = statistics.postings(TsQueryTree.parse(titleRelaxed), true) <= settings.titleTierMaxPostings();
        boolean deepened = false;
        if (after != null) {
            // later pages rank the same candidate set as the first, whatever the statistics say now
            sample = after.sample();
            pairs = after.pairs() ? pairs : "";
            titleTier = after.titleTier();
            deepened = after.deepened();
            examined = deepened ? settings.deepenedRows() : examined;
        }
        var pageQuery = new PageQuery(relaxed, pairs, exact, titleRelaxed, titleExact, normalised.requiredInTitle(), filters,
                examined, sample, titleTier, settings.rankNormalization(), after, limit + 1);
        return new Planned(pageQuery, titleExact, relaxed, matches, deepened);
    }

    private static String excluding(String required, String excluded) {
        return excluded.isBlank() ? required : "( " + required + " ) & !( " + excluded + " )";
    }

    private Outcome run(UserQuery query, SearchFilters filters, int limit, @Nullable SearchCursor after) {
        Planned planned = plan(query, filters, limit, after);
        if (planned == null) {
            // only stop words or punctuation: nothing can match
            return Outcome.NOTHING;
        }
        Ranked ranked = repository.page(planned.query());
        if (after == null && ranked.rows().size() <= limit && !planned.exhaustive(ranked)
                && settings.deepenedRows() > planned.query().examined()) {
            // a short first page from a cut-short read: the matches may lie beyond it (a rare phrase of common
            // words, exclusions, narrow filters, the sample); look once more, deeper, through the full index
            planned = planned.deepened(settings.deepenedRows());
            ranked = repository.page(planned.query());
        }
        boolean exhaustive = planned.exhaustive(ranked);
        long total;
        if (exhaustive) {
            total = ranked.matchedEither();
        } else if (planned.query().sample() && ranked.examined() < planned.query().examined()) {
            // the whole sample was read: it holds a fixed share of the sections, matches included
            total = Math.max(ranked.matchedEither(), Math.round(ranked.matched() / SearchRepository.SAMPLE_SHARE));
        } else {
            // the statistics (or, with filters, the planner) tell how many rows match without positions; the
            // examined rows tell how many of those match with positions and exclusions too
            double share = (double) ranked.matched() / Math.max(1, ranked.examined());
            double expected = filters.equals(SearchFilters.NONE) ? planned.expectedMatches()
                    : repository.estimate(planned.relaxed(), filters);
            total = Math.max(ranked.matchedEither(), Math.round(expected * share));
        }
        List<Row> rows = ranked.rows();
        SearchCursor last = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row lastRow = rows.get(limit - 1);
            last = new SearchCursor(lastRow.score(), lastRow.id(), planned.query().sample(), planned.deepened(),
                    planned.query().titleTier(), !planned.query().pairs().isEmpty());
        }
        List<SearchPage.Hit> hits = rows.stream()
                .map(r -> new SearchPage.Hit(r.id(), r.title(), r.level(), r.breadcrumb(), r.document(), r.pageNumber(),
                        r.score(), r.snippet(), Families.key(r.document().title()), r.sectionKey(), null))
                .toList();
        return new Outcome(planned.interpretedAs(), hits, total, exhaustive, exhaustive, planned.candidates(), last);
    }
}
