package org.edm.search.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.edm.search.query.TsQueryTree.All;
import org.edm.search.query.TsQueryTree.Any;
import org.edm.search.query.TsQueryTree.Lexeme;
import org.edm.search.query.TsQueryTree.Not;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How common each lexeme is, from the statistics PostgreSQL's ANALYZE (autovacuum)
 * already keeps for {@code sections.search_vector}, for the title index and for the
 * word-pair index: the most common lexemes with the share of sections containing them.
 * Read from {@code pg_stats} at most once per refresh interval; nothing is maintained by
 * the application. A lexeme missing from the list is rarer than the least common one
 * listed.
 */
@Component
class TermStatistics {

    /**
     * Share of sections containing each common lexeme, and the share below which lexemes
     * are not listed.
     */
    record Frequencies(Map<String, Double> common, double belowListed) {

        static final Frequencies NONE = new Frequencies(Map.of(), 0);

        double of(Lexeme lexeme) {
            if (!lexeme.prefix()) {
                Double share = common.get(lexeme.text());
                return share != null ? share : belowListed / 2;
            }
            double sum = 0;
            int found = 0;
            for (Map.Entry<String, Double> entry : common.entrySet()) {
                if (entry.getKey().startsWith(lexeme.text())) {
                    sum += entry.getValue();
                    found++;
                }
            }
            // rarer completions of the prefix exist too; count a few of them
            return Math.min(1, sum + (found == 0 ? belowListed : belowListed * 2));
        }
    }

    /** A consistent view of the statistics at one time. */
    record Snapshot(long sections, Frequencies text, Frequencies titles, Frequencies pairs, Instant readAt) {

        /**
         * Sections expected to match (positions ignored: a phrase counts as all of its
         * words).
         */
        double matches(TsQueryTree query, boolean titles) {
            return sections * share(query, titles ? this.titles : text);
        }

        /**
         * At most how many sections can match: for an {@code &}, no more than its rarest
         * operand. Words of one query tend to occur together (a "sequence" is mostly a
         * "sequence number"), so {@link #matches} can be far too low for them.
         */
        double matchesAtMost(TsQueryTree query) {
            return sections * upperShare(query, text);
        }

        /**
         * Posting-list entries a GIN bitmap scan for the query reads: every entry of
         * every lexeme (for an {@code &} GIN can skip within long lists, but at these
         * sizes it decodes most of them anyway).
         */
        double postings(TsQueryTree query, boolean titles) {
            return postings(query, titles ? this.titles : text);
        }

        /**
         * Posting-list entries a scan of the word-pair index reads for the pairs of a
         * phrase: GIN skips through the longer lists guided by the shortest, which for
         * pairs (unlike common words) is usually short, so about the shortest list once
         * per pair.
         */
        double pairPostings(TsQueryTree pairs) {
            if (pairs instanceof All all) {
                return all.operands().size()
                        * all.operands().stream().mapToDouble(o -> postings(o, this.pairs)).min().orElse(0);
            }
            return postings(pairs, this.pairs);
        }

        private double postings(TsQueryTree query, Frequencies frequencies) {
            if (query instanceof Lexeme lexeme) {
                return sections * frequencies.of(lexeme);
            }
            if (query instanceof Any any) {
                return any.operands().stream().mapToDouble(o -> postings(o, frequencies)).sum();
            }
            if (query instanceof All all) {
                return all.operands().stream().mapToDouble(o -> postings(o, frequencies)).sum();
            }
            return sections;
        }

        private static double upperShare(TsQueryTree query, Frequencies frequencies) {
            if (query instanceof All all) {
                return all.operands().stream().mapToDouble(o -> upperShare(o, frequencies)).min().orElse(1);
            }
            if (query instanceof Any any) {
                return Math.min(1, any.operands().stream().mapToDouble(o -> upperShare(o, frequencies)).sum());
            }
            return share(query, frequencies);
        }

        private static double share(TsQueryTree query, Frequencies frequencies) {
            if (query instanceof Lexeme lexeme) {
                return frequencies.of(lexeme);
            }
            if (query instanceof Any any) {
                return Math.min(1, any.operands().stream().mapToDouble(o -> share(o, frequencies)).sum());
            }
            if (query instanceof All all) {
                // the words of a section are not independent, but the planner assumes the
                // same
                return all.operands().stream().mapToDouble(o -> share(o, frequencies)).reduce(1, (a, b) -> a * b);
            }
            return 1 - share(((Not) query).operand(), frequencies);
        }
    }

    static final String COMMON_LEXEMES = """
            SELECT CAST(CAST(s.most_common_elems AS text) AS text[]) AS lexemes, s.most_common_elem_freqs AS shares
            FROM pg_stats s
            WHERE s.schemaname = current_schema() AND s.tablename = :relation AND s.attname = :column
            """;

    static final String SECTION_COUNT = """
            SELECT CAST(GREATEST(c.reltuples, 0) AS bigint) FROM pg_class c WHERE c.oid = CAST('sections' AS regclass)
            """;

    private final JdbcClient jdbc;

    private final Duration refresh;

    private final Clock clock;

    private volatile @Nullable Snapshot current;

    TermStatistics(JdbcClient jdbc, SearchSettings settings) {
        this.jdbc = jdbc;
        this.refresh = settings.statisticsRefresh();
        this.clock = Clock.systemUTC();
    }

    /** The statistics, read again when older than the refresh interval. */
    Snapshot snapshot() {
        Snapshot snapshot = current;
        Instant now = clock.instant();
        if (snapshot == null || snapshot.readAt().plus(refresh).isBefore(now)) {
            synchronized (this) {
                snapshot = current;
                if (snapshot == null || snapshot.readAt().plus(refresh).isBefore(now)) {
                    snapshot = read(now);
                    current = snapshot;
                }
            }
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        long sections = jdbc.sql(SECTION_COUNT).query(Long.class).optional().orElse(0L);
        return new Snapshot(sections, frequencies("sections", "search_vector"),
                frequencies("idx_sections_title_fts", "to_tsvector"),
                frequencies("idx_sections_phrase_pairs", "edm_word_pairs"), now);
    }

    private Frequencies frequencies(String relation, String column) {
        return jdbc.sql(COMMON_LEXEMES).param("relation", relation).param("column", column).query((rs, n) -> {
            String[] lexemes = (String[]) rs.getArray("lexemes").getArray();
            Float[] shares = (Float[]) rs.getArray("shares").getArray();
            Map<String, Double> common = new HashMap<>(lexemes.length * 2);
            double least = 1;
            for (int i = 0; i < lexemes.length; i++) {
                common.put(lexemes[i], (double) shares[i]);
                least = Math.min(least, shares[i]);
            }
            return new Frequencies(Map.copyOf(common), least);
        }).optional().orElse(Frequencies.NONE);
    }

}
