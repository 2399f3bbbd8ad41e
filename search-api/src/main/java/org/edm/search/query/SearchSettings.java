package org.edm.search.query;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code GET /api/search} (prefix {@code edm.search}); the page size
 * ({@code default-limit}, {@code max-limit}) is {@link org.edm.search.web.PageLimits},
 * shared with the other listings.
 *
 * @param maxQueryLength longest accepted query, in characters
 * @param maxQueryItems most words, phrases and exclusions in one query
 * @param minPrefixLength shortest last word that is also matched as a prefix
 * @param rankedCandidates how many matching sections are ranked at most, in each of the
 * two tiers (title matches, all matches); beyond that the ranking is bounded and the
 * total estimated
 * @param examinedRows how many sections a phrase query reads at most to check word
 * positions
 * @param titleTierMaxPostings the title index is read for a separate title tier only when
 * that means at most this many posting-list entries (a huge list costs more than it
 * brings: such words are in plenty of the other candidates' titles anyway)
 * @param sampleAbovePostings for words so common that a scan of {@code idx_sections_fts}
 * would list more postings than this, candidates come from
 * {@code idx_sections_fts_sample} (a fixed 1/64 of the sections) when the sample is
 * expected to hold at least as many matches as are examined (set it very high to always
 * use the full index)
 * @param deepenedRows when a first page has fewer hits than asked for although the
 * candidate read was cut short (a rare phrase of common words, exclusions, narrow
 * filters, the sample), the search runs once more through the full index, examining up to
 * this many matching rows
 * @param rankNormalization ts_rank_cd's normalization flags (1: divide by 1 +
 * log(length), 2: by length, 4: by the mean distance between matches...); 32 (scale into
 * [0, 1)) is always added
 * @param statisticsRefresh how long lexeme frequencies read from pg_stats are used before
 * being read again
 * @param statementTimeout a search running longer is cancelled and answered with 503
 */
@ConfigurationProperties("edm.search")
@Validated
record SearchSettings(@DefaultValue("500") @Min(1) @Max(10_000) int maxQueryLength,
        @DefaultValue("32") @Min(1) @Max(256) int maxQueryItems, @DefaultValue("3") @Min(1) int minPrefixLength,
        @DefaultValue("500") @Min(1) int rankedCandidates, @DefaultValue("1000") @Min(1) int examinedRows,
        @DefaultValue("20000") @Min(0) int titleTierMaxPostings,
        @DefaultValue("20000") @Min(0) long sampleAbovePostings, @DefaultValue("100000") @Min(1) int deepenedRows,
        @DefaultValue("1") @Min(0) @Max(63) int rankNormalization, @DefaultValue("5m") Duration statisticsRefresh,
        @DefaultValue("5s") Duration statementTimeout) {

    /**
     * The defaults, for code that runs the search without a Spring context (the
     * benchmark).
     */
    static SearchSettings defaults() {
        return new SearchSettings(500, 32, 3, 500, 1000, 20000, 20000, 100_000, 1, Duration.ofMinutes(5),
                Duration.ofSeconds(5));
    }
}
