package org.edm.search.query;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.edm.search.query.CandidatePlanner.Planned;
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
 * Full-text search over the sections of processed documents: parses the user's query,
 * lets {@link CandidatePlanner} choose how to find candidates, and pages through the
 * ranked result with a keyset cursor on (score, id). A first page that comes back short
 * although its candidate read was cut short is searched once more, deeper, so that a
 * match is not missed because it lies beyond the first rows read.
 */
@Service
class SectionSearch {

    private final SearchRepository repository;

    private final CandidatePlanner planner;

    private final SearchSettings settings;

    private final UserQueryParser parser;

    private final TransactionTemplate readOnly;

    private final MeterRegistry meters;

    /*
     * Cursors are signed: a client can hand one back but not change its score, plan flags
     * or fingerprint.
     */
    private final CursorSigner cursors;

    private final LatestVersions latestVersions;

    SectionSearch(SearchRepository repository, TermStatistics statistics, SearchSettings settings,
            PlatformTransactionManager transactions, MeterRegistry meters, CursorSigner cursors,
            LatestVersions latestVersions) {
        this.cursors = cursors;
        this.repository = repository;
        this.planner = new CandidatePlanner(repository, statistics, settings);
        this.settings = settings;
        this.parser = new UserQueryParser(settings.maxQueryLength(), settings.maxQueryItems(),
                settings.minPrefixLength());
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.meters = meters;
        this.latestVersions = latestVersions;
    }

    /**
     * @param query what the user typed
     * @param limit hits per page, already validated
     * @param cursor {@link SearchPage#nextCursor()} of the previous page, or null for the
     * first page
     */
    SearchPage search(String query, SearchFilters requested, int limit, @Nullable String cursor) {
        UserQuery parsed = parser.parse(query);
        // the newest versions of all families only when they filter; else only those of
        // the hits' families, below
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
            latest = latestVersions
                .amongFamilies(outcome.hits().stream().map(SearchPage.Hit::family).collect(Collectors.toSet()));
        }
        // after the search's transaction: see SearchRepository.sectionKeys
        Map<UUID, String> sectionKeys = repository
            .sectionKeys(outcome.hits().stream().map(SearchPage.Hit::sectionId).toList());
        return new SearchPage(query, outcome.interpretedAs(), outcome.hits(), outcome.total(), !outcome.totalIsExact(),
                outcome.allMatchesRanked(), last == null ? null : cursors.sign(last.encode(fingerprint)), limit)
            .completed(latest, sectionKeys);
    }

    /** What one page found, before it is shaped for the client. */
    private record Outcome(String interpretedAs, List<SearchPage.Hit> hits, long total, boolean totalIsExact,
            boolean allMatchesRanked, String candidates, @Nullable SearchCursor last) {

        static final Outcome NOTHING = new Outcome("", List.of(), 0, true, true, "none", null);

    }

    /**
     * The plan of a search as EXPLAIN (ANALYZE, BUFFERS) prints it: for checking which
     * indexes each kind of query uses (the benchmark prints one per query class). Runs
     * the search once.
     */
    List<String> explain(String query, SearchFilters requested, int limit) {
        UserQuery parsed = parser.parse(query);
        SearchFilters filters = requested.latestOnly() ? requested.resolvedTo(latestVersions.documents()) : requested;
        List<String> plan = readOnly.execute(status -> {
            Planned planned = planner.plan(parsed, filters, limit, null);
            return planned == null ? List.of("(only stop words: no statement runs)")
                    : repository.explain(planned.query());
        });
        return plan == null ? List.of() : plan;
    }

    private Outcome run(UserQuery query, SearchFilters filters, int limit, @Nullable SearchCursor after) {
        Planned planned = planner.plan(query, filters, limit, after);
        if (planned == null) {
            // only stop words or punctuation: nothing can match
            return Outcome.NOTHING;
        }
        Ranked ranked = repository.page(planned.query());
        if (after == null && ranked.rows().size() <= limit && !planned.exhaustive(ranked)
                && settings.deepenedRows() > planned.query().examined()) {
            // a short first page from a cut-short read: the matches may lie beyond it (a
            // rare phrase of common
            // words, exclusions, narrow filters, the sample); look once more, deeper,
            // through the full index
            planned = planned.deepened(settings.deepenedRows());
            ranked = repository.page(planned.query());
        }
        boolean exhaustive = planned.exhaustive(ranked);
        long total = planner.total(planned, ranked, filters);
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
                    r.score(), r.snippet(), Families.key(r.document().title()), null, null))
            .toList();
        return new Outcome(planned.interpretedAs(), hits, total, exhaustive, exhaustive, planned.candidates(), last);
    }

}
