package org.edm.search.query;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.edm.search.query.SearchRepository.Estimates;
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
 * it, picks the candidate strategy from the planner's estimates, and pages through the ranked result with a
 * keyset cursor on (score, id).
 */
@Service
class SectionSearch {

    private final SearchRepository repository;
    private final SearchSettings settings;
    private final UserQueryParser parser;
    private final TransactionTemplate readOnly;
    private final MeterRegistry meters;

    SectionSearch(SearchRepository repository, SearchSettings settings, PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.repository = repository;
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
        Timer.builder("edm.search.query")
                .description("Time to answer one search request, by kind of query and ranking strategy")
                .tag("class", QueryClass.of(parsed).tag())
                .tag("ranking", outcome.page().allMatchesRanked() ? "all-matches" : "bounded")
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        SearchPage page = outcome.page();
        return new SearchPage(query, page.interpretedAs(), page.hits(), page.total(), page.totalIsEstimate(),
                page.allMatchesRanked(), outcome.last() == null ? null : outcome.last().encode(fingerprint), limit);
    }

    private record Outcome(SearchPage page, @Nullable SearchCursor last) {
    }

    private Outcome run(UserQuery query, SearchFilters filters, int limit, @Nullable SearchCursor after) {
        Normalised normalised = repository.normalise(TsQueryText.required(query), TsQueryText.requiredInTitle(query),
                TsQueryText.excluded(query), settings.statementTimeout().toMillis());
        if (normalised.required().isBlank()) {
            // only stop words or punctuation: nothing can match
            return new Outcome(new SearchPage("", "", List.of(), 0, false, true, null, limit), null);
        }
        String exact = normalised.excluded().isBlank() ? normalised.required()
                : "( " + normalised.required() + " ) & !( " + normalised.excluded() + " )";
        String relaxed = TsQueryText.withoutPositions(normalised.required());
        boolean positional = !relaxed.equals(normalised.required());
        // without word positions to check, every examined row is a match: examine only as many as are ranked
        int examined = positional ? settings.examinedRows() : settings.rankedCandidates();
        Estimates estimates = repository.estimate(relaxed, filters);
        boolean titleTier = estimates.titleMatches() <= settings.titleTierMaxMatches();
        Ranked ranked = repository.page(new PageQuery(relaxed, exact, normalised.requiredInTitle(), filters, examined,
                titleTier, after, limit + 1));
        boolean exhaustive = ranked.examined() < examined;
        long total;
        if (exhaustive) {
            total = ranked.matched();
        } else {
            // the planner knows how many rows match without positions; the examined rows say how many of
            // those match the phrase too
            double share = (double) ranked.matched() / Math.max(1, ranked.examined());
            total = Math.max(Math.max(ranked.matched(), ranked.titleMatched()), Math.round(estimates.matches() * share));
        }
        List<Row> rows = ranked.rows();
        SearchCursor last = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row lastRow = rows.get(limit - 1);
            last = new SearchCursor(lastRow.score(), lastRow.id());
        }
        List<SearchPage.Hit> hits = rows.stream()
                .map(r -> new SearchPage.Hit(r.id(), r.title(), r.level(), r.breadcrumb(), r.document(), r.pageNumber(),
                        r.score(), r.snippet()))
                .toList();
        return new Outcome(new SearchPage("", exact, hits, total, !exhaustive, exhaustive, null, limit), last);
    }
}
