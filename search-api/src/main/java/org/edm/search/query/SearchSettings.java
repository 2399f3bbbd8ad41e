package org.edm.search.query;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code GET /api/search} (prefix {@code edm.search}).
 *
 * @param maxQueryLength       longest accepted query, in characters
 * @param maxQueryItems        most words, phrases and exclusions in one query
 * @param minPrefixLength      shortest last word that is also matched as a prefix
 * @param defaultLimit         hits per page when the request gives no {@code limit}
 * @param maxLimit             largest accepted {@code limit}
 * @param rankedCandidates     how many matching sections are ranked at most, in each of the two tiers (title
 *                             matches, all matches); beyond that the ranking is bounded and the total estimated
 * @param examinedRows         how many sections a phrase query reads at most to check word positions
 * @param titleTierMaxMatches  the title index is used for a separate title tier only when the planner expects at
 *                             most this many title matches (reading a huge posting list costs more than it brings;
 *                             such words are in plenty of the other candidates' titles anyway)
 * @param statementTimeout     a search running longer is cancelled and answered with 503
 */
@ConfigurationProperties("edm.search")
@Validated
record SearchSettings(
        @DefaultValue("500") @Min(1) @Max(10_000) int maxQueryLength,
        @DefaultValue("32") @Min(1) @Max(256) int maxQueryItems,
        @DefaultValue("3") @Min(1) int minPrefixLength,
        @DefaultValue("20") @Min(1) int defaultLimit,
        @DefaultValue("100") @Min(1) @Max(1000) int maxLimit,
        @DefaultValue("1000") @Min(1) int rankedCandidates,
        @DefaultValue("5000") @Min(1) int examinedRows,
        @DefaultValue("20000") @Min(0) int titleTierMaxMatches,
        @DefaultValue("5s") Duration statementTimeout) {

    /** The defaults, for code that runs the search without a Spring context (the benchmark). */
    static SearchSettings defaults() {
        return new SearchSettings(500, 32, 3, 20, 100, 1000, 5000, 20000, Duration.ofSeconds(5));
    }
}
