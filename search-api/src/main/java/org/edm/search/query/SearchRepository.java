package org.edm.search.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.edm.events.ProcessingStatus;
import org.edm.search.query.SearchPage.Ancestor;
import org.edm.search.query.SearchPage.DocumentRef;
import org.edm.search.web.Breadcrumbs;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of the search. Two statements in one read-only transaction: settings and
 * normalisation, then the ranked page; the hits' permalink keys are read after it
 * ({@link #sectionKeys}). Every value is a bind parameter; the tsquery texts are built by
 * {@link TsQueryText} with every user word quoted.
 * <p>
 * Why bounded: a GIN index finds matches fast but says nothing about their rank, so
 * ranking every match of a common word reads a quarter of the table. The page is ranked
 * from two bounded candidate sets instead, read in physical order: the first sections
 * whose title matches (through {@code idx_sections_title_fts}) and the first sections
 * that match at all (through {@code idx_sections_fts}; for words in a large share of the
 * sections through {@code idx_sections_fts_sample}, the same index over a fixed 1/64 of
 * them; for phrases with rare word pairs through {@code idx_sections_phrase_pairs}:
 * {@link SectionSearch} chooses). A section whose title matches the whole query always
 * ranks above one where only the text does. When neither set was cut short, every match
 * was ranked and the total is exact.
 */
@Repository
class SearchRepository {

    /** Sections per page row, as the SQL below computes them. */
    record Row(UUID id, double score, @Nullable String title, int level, @Nullable Integer pageNumber,
            DocumentRef document, List<Ancestor> breadcrumb, String snippet) {
    }

    /**
     * What the page statement returns: the page, and how much was examined and matched to
     * find it.
     */
    record Ranked(List<Row> rows, Counts counts) {

        long examined() {
            return counts.examined();
        }

        long matched() {
            return counts.matched();
        }

        long titleExamined() {
            return counts.titleExamined();
        }

        long matchedEither() {
            return counts.matchedEither();
        }
    }

    /**
     * How much the page statement examined and matched: in the text (examined, matched),
     * in titles (titleExamined, titleMatched) and in both without double counting
     * (matchedEither). Every row of its result carries them.
     */
    record Counts(long examined, long matched, long titleExamined, long titleMatched, long matchedEither) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        static Counts of(ResultSet rs) throws SQLException {
            return new Counts(rs.getLong("examined"), rs.getLong("matched"), rs.getLong("title_examined"),
                    rs.getLong("title_matched"), rs.getLong("matched_either"));
        }
    }

    /**
     * The normalised tsquery texts, as PostgreSQL prints them; empty when only stop words
     * were given.
     */
    record Normalised(String required, String requiredWithTitleAlternatives, String requiredInTitle, String excluded) {
    }

    /**
     * Values of one page request, all bound as parameters. {@code relaxed} and
     * {@code exact} are for the text, {@code titleRelaxed} and {@code titleExact} the
     * same with the alternatives for titles only (equal to the first two when the query
     * has none); {@code pairs} is the word pairs a phrase requires when candidates come
     * from the word-pair index, else empty; {@code sample} says they come from the sample
     * index.
     */
    record PageQuery(String relaxed, String pairs, String exact, String titleRelaxed, String titleExact, String inTitle,
            SearchFilters filters, int examined, boolean sample, boolean titleTier, int normalization,
            @Nullable SearchCursor after, int pageRows) {
    }

    /**
     * The share of sections in {@code idx_sections_fts_sample}: those {@link #IN_SAMPLE}.
     */
    static final double SAMPLE_SHARE = 4.0 / 256;

    /**
     * The predicate of {@code idx_sections_fts_sample}, verbatim (else the planner does
     * not use the index): sections whose id's last byte is below 4. It is a fair 1/64
     * sample, spread evenly over all documents, only because section ids are random
     * (version 4) UUIDs, as parser-worker writes them ({@code UUID.randomUUID()}); ids of
     * another kind (time-ordered, sequential) would skew or empty the sample. The
     * migration that creates the index (V20261125_1600_302) cannot say so itself: applied
     * migrations are not edited. {@code IndexPredicatesIntegrationTest} reads the
     * predicate back from {@code pg_indexes}.
     */
    static final String IN_SAMPLE = "get_byte(uuid_send(s.id), 15) < 4";

    /**
     * The expression of {@code idx_sections_title_fts}, verbatim, or the index is not
     * used ({@code IndexPredicatesIntegrationTest} reads it back from
     * {@code pg_indexes}).
     */
    static final String TITLE_VECTOR = "to_tsvector('english'::regconfig, COALESCE(s.title, ''::character varying)::text)";

    /**
     * The expression of {@code idx_sections_phrase_pairs}, verbatim, or the index is not
     * used ({@code IndexPredicatesIntegrationTest} reads it back from
     * {@code pg_indexes}).
     */
    static final String WORD_PAIRS = "edm_word_pairs(s.search_vector)";

    static final String MARK_START = "\uE000";
    static final String MARK_END = "\uE001";

    /**
     * Transaction-local settings, then the user's words through PostgreSQL's parser and
     * stemmer. Custom plans always (a generic plan cannot know how common a word is); no
     * synchronised or parallel scans, so "the first N matches in physical order" is the
     * same set on every page; no JIT for millisecond queries.
     */
    static final String NORMALISE = """
            SELECT set_config('plan_cache_mode', 'force_custom_plan', true) AS plan_cache_mode,
                   set_config('synchronize_seqscans', 'off', true) AS synchronize_seqscans,
                   set_config('max_parallel_workers_per_gather', '0', true) AS parallel_workers,
                   set_config('jit', 'off', true) AS jit,
                   set_config('statement_timeout', :timeout, true) AS statement_timeout,
                   CAST(to_tsquery('english', :required) AS text) AS required,
                   CAST(to_tsquery('english', :requiredWithTitleAlternatives) AS text) AS required_with_title_alternatives,
                   CAST(to_tsquery('english', :requiredInTitle) AS text) AS required_in_title,
                   CASE WHEN :excluded = '' THEN ''
                        ELSE CAST(to_tsquery('english', :excluded) AS text) END AS excluded
            """;

    /** The filters every candidate set applies, on sections {@code s}. */
    private static final String FILTERS = """
                  AND s.document_id IN (SELECT d.id FROM documents d
                                        WHERE d.processing_status = :done
                                          AND (CAST(:title AS text) IS NULL OR d.title ILIKE CAST(:title AS text))
                                          AND (CAST(:version AS text) IS NULL OR d.version = CAST(:version AS text))
                                          AND (CAST(:latest AS text) = ''
                                               OR d.id = ANY (CAST(string_to_array(CAST(:latest AS text), ',') AS uuid[]))))
                  AND (CAST(:document AS uuid) IS NULL OR s.document_id = CAST(:document AS uuid))
                  AND (CAST(:level AS integer) IS NULL OR s.level = CAST(:level AS integer))
            """;

    /**
     * Only for filtered searches whose candidates were bounded: how many sections the
     * planner expects.
     */
    static final String ESTIMATE = """
            EXPLAIN (FORMAT JSON)
            SELECT 1 FROM sections s
            WHERE s.search_vector @@ CAST(:relaxed AS tsquery)
            """ + FILTERS;

    /*
     * The page statement, in pieces: the text candidates (one of the three CANDIDATES_*
     * conditions, then the filters), the title candidates (the title tier, then the
     * filters), then the ranking of both into the page. {@code :relaxed} is the query
     * without word positions (GIN answers it without reading rows), so {@code :examined}
     * bounds the rows read even when few of them match a phrase; {@code :exact} then
     * decides, in the same pass. Score: 1 when the title (weight A) matches the whole
     * query, plus ts_rank_cd, which {@code :normalization} (flag 32 always set) scales
     * into [0, 1).
     */
    private static final String BODY_EXAMINED = """
            WITH RECURSIVE
            body_examined AS MATERIALIZED (
                SELECT s.id,
                       CASE WHEN s.search_vector @@ CAST(:exact AS tsquery)
                            THEN CAST(CASE WHEN s.search_vector @@ CAST(:inTitle AS tsquery) THEN 1 ELSE 0 END
                                      + ts_rank_cd(s.search_vector, CAST(:exact AS tsquery), :normalization)
                                      AS double precision)
                       END AS score
                FROM sections s
                WHERE
            """;

    /** Text candidates through the GIN index (or whatever the planner finds cheaper). */
    private static final String CANDIDATES_BY_INDEX = """
                    s.search_vector @@ CAST(:relaxed AS tsquery)
            """;

    /**
     * Text candidates for phrases through the GIN index over each section's adjacent word
     * pairs ({@code idx_sections_phrase_pairs}, migration V303): only sections holding
     * every pair of the phrase are read, not every section holding its words.
     * {@link #WORD_PAIRS} must stay the index's expression verbatim; the words are
     * checked with {@code ts_match_vq}, the function behind {@code @@}, which is not an
     * index condition, so the planner does not also list every posting of the words and
     * AND the bitmaps.
     */
    private static final String CANDIDATES_BY_PAIRS = "        " + WORD_PAIRS + " @@ CAST(:pairs AS tsquery)\n" + """
                    AND ts_match_vq(s.search_vector, CAST(:relaxed AS tsquery))
            """;

    /**
     * Text candidates through the GIN index over the 1/64 sample of the sections: for
     * words so common that the sample holds enough candidates while a scan of the full
     * index would list hundreds of thousands of postings.
     */
    private static final String CANDIDATES_BY_SAMPLE = """
                    s.search_vector @@ CAST(:relaxed AS tsquery)
            """ + "        AND " + IN_SAMPLE + "\n";

    private static final String TITLE_EXAMINED = """
                LIMIT :examined
            ),
            title_examined AS MATERIALIZED (
                SELECT s.id,
                       CASE WHEN s.search_vector @@ CAST(:inTitle AS tsquery) AND s.search_vector @@ CAST(:titleExact AS tsquery)
                            THEN CAST(1 + ts_rank_cd(s.search_vector, CAST(:titleExact AS tsquery), :normalization)
                                      AS double precision)
                       END AS score
                FROM sections s
                WHERE :titleTier
            """
            + "        AND " + TITLE_VECTOR + " @@ CAST(:titleRelaxed AS tsquery)\n";

    private static final String RANKED_PAGE = """
                LIMIT :examined
            ),
            candidates AS (
                SELECT u.id, max(u.score) AS score
                FROM (SELECT id, score FROM body_examined WHERE score IS NOT NULL
                      UNION ALL
                      SELECT id, score FROM title_examined WHERE score IS NOT NULL) u
                GROUP BY u.id
            ),
            page AS MATERIALIZED (
                SELECT c.id, c.score FROM candidates c
                WHERE NOT :after OR c.score < :afterScore OR (c.score = :afterScore AND c.id > :afterId)
                ORDER BY c.score DESC, c.id
                LIMIT :pageRows
            ),
            ancestors (hit_id, ancestor_id, depth) AS (
                SELECT p.id, s.parent_id, 1 FROM page p JOIN sections s ON s.id = p.id
                WHERE s.parent_id IS NOT NULL
                UNION ALL
                SELECT a.hit_id, s.parent_id, a.depth + 1 FROM ancestors a JOIN sections s ON s.id = a.ancestor_id
                WHERE s.parent_id IS NOT NULL AND a.depth < 64
            )
            SELECT (SELECT count(*) FROM body_examined) AS examined,
                   (SELECT count(score) FROM body_examined) AS matched,
                   (SELECT count(*) FROM title_examined) AS title_examined,
                   (SELECT count(score) FROM title_examined) AS title_matched,
                   (SELECT count(*) FROM candidates) AS matched_either,
                   p.id, p.score, s.title, s.level, s.page_number,
                   d.id AS document_id, d.title AS document_title, d.version AS document_version,
                   ts_headline('english', translate(snippet_source.text, :marks, ''),
                               CAST(:titleExact AS tsquery), :headlineOptions) AS snippet,
                   b.ids AS breadcrumb_ids, b.titles AS breadcrumb_titles
            FROM (SELECT 1) AS always_one_row
            LEFT JOIN page p ON true
            LEFT JOIN sections s ON s.id = p.id
            LEFT JOIN documents d ON d.id = s.document_id
            LEFT JOIN LATERAL (
                SELECT CASE WHEN length(whole.text) <= :snippetWindow THEN whole.text
                            ELSE substr(whole.text,
                                        greatest(1, COALESCE((SELECT min(NULLIF(strpos(lower(whole.text), w), 0))
                                                              FROM unnest(string_to_array(CAST(:snippetLocators AS text), chr(31))) w),
                                                             1) - :snippetLead),
                                        :snippetWindow) END AS text
                FROM (SELECT COALESCE(NULLIF(s.content, ''), s.title, '') AS text) whole
            ) snippet_source ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(CAST(x.id AS text) ORDER BY a.depth DESC) AS ids,
                       array_agg(x.title ORDER BY a.depth DESC) AS titles
                FROM ancestors a JOIN sections x ON x.id = a.ancestor_id
                WHERE a.hit_id = p.id
            ) b ON true
            ORDER BY p.score DESC, p.id
            """;

    /** The page, text candidates through the full index. */
    static final String PAGE_BY_INDEX = page(CANDIDATES_BY_INDEX);

    /** The page, text candidates through the word-pair index. */
    static final String PAGE_BY_PAIRS = page(CANDIDATES_BY_PAIRS);

    /** The page, text candidates through the sample index. */
    static final String PAGE_BY_SAMPLE = page(CANDIDATES_BY_SAMPLE);

    private static final String HEADLINE_OPTIONS = "StartSel=" + MARK_START + ", StopSel=" + MARK_END
            + ", MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /**
     * ts_headline parses the whole text it is given, so its cost grows with the section:
     * the 21 longest sections of the corpus that match "order" (590,000 characters) took
     * 70 ms, most of a search. A section longer than this many characters is given to it
     * as a window of this size that starts {@link #SNIPPET_LEAD} characters before the
     * first occurrence of a query word ({@link #snippetLocators}), or at the start when
     * none is found. Nine in ten sections are shorter than 3,100 characters.
     */
    static final int SNIPPET_WINDOW = 4_000;

    static final int SNIPPET_LEAD = 1_000;

    private static final UUID NO_ID = new UUID(0, 0);

    private final JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Must run first in the search's transaction: it also applies the transaction's
     * settings.
     */
    Normalised normalise(String required, String requiredWithTitleAlternatives, String requiredInTitle, String excluded,
            long timeoutMillis) {
        return jdbc.sql(NORMALISE)
            .param("timeout", Long.toString(timeoutMillis))
            .param("required", required)
            .param("requiredWithTitleAlternatives", requiredWithTitleAlternatives)
            .param("requiredInTitle", requiredInTitle)
            .param("excluded", excluded)
            .query((rs, n) -> new Normalised(rs.getString("required"), rs.getString("required_with_title_alternatives"),
                    rs.getString("required_in_title"), rs.getString("excluded")))
            .single();
    }

    long estimate(String relaxed, SearchFilters filters) {
        String plan = filtered(jdbc.sql(ESTIMATE), filters).param("relaxed", relaxed).query(String.class).single();
        return json.readTree(plan).path(0).path("Plan").path("Plan Rows").asLong();
    }

    Ranked page(PageQuery query) {
        return bound(jdbc.sql(statement(query)), query).query((ResultSetExtractor<Ranked>) rs -> {
            var rows = new ArrayList<Row>();
            Counts counts = Counts.NONE;
            while (rs.next()) {
                counts = Counts.of(rs);
                UUID id = rs.getObject("id", UUID.class);
                if (id != null) {
                    rows.add(row(rs, id));
                }
            }
            return new Ranked(rows, counts);
        });
    }

    /**
     * The permalink keys of those of {@code sectionIds} that the versions consumer has
     * keyed. Not part of the search's transaction, on purpose: the page statement already
     * locks {@code sections}, {@code documents} and their 12 indexes, and PostgreSQL
     * keeps only 16 relation locks per transaction in its backend's fast-path slots;
     * adding {@code section_keys} and its 3 indexes sent every search through the shared
     * lock table, whose partition lock was then the wait in 1 of 10 samples of busy
     * searching backends (docs/benchmarks.md). A key read a moment after the page is as
     * good: a section's key never changes once assigned.
     */
    Map<UUID, String> sectionKeys(Collection<UUID> sectionIds) {
        if (sectionIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> keys = new HashMap<>();
        jdbc.sql("""
                SELECT section_id, section_key FROM section_keys
                WHERE section_id = ANY (CAST(string_to_array(:ids, ',') AS uuid[]))
                """)
            .param("ids", sectionIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
            .query((RowCallbackHandler) rs -> keys.put(rs.getObject("section_id", UUID.class),
                    rs.getString("section_key")));
        return keys;
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the page statement with these values; runs the
     * statement.
     */
    List<String> explain(PageQuery query) {
        String page = statement(query);
        return bound(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + page), query).query(String.class).list();
    }

    /** The page statement with these text candidates. */
    private static String page(String textCandidates) {
        return BODY_EXAMINED + textCandidates + FILTERS + TITLE_EXAMINED + FILTERS + RANKED_PAGE;
    }

    private static String statement(PageQuery query) {
        return !query.pairs().isEmpty() ? PAGE_BY_PAIRS : query.sample() ? PAGE_BY_SAMPLE : PAGE_BY_INDEX;
    }

    private static JdbcClient.StatementSpec bound(JdbcClient.StatementSpec statement, PageQuery query) {
        SearchCursor after = query.after();
        return filtered(statement, query.filters()).param("relaxed", query.relaxed())
            .param("pairs", query.pairs())
            .param("exact", query.exact())
            .param("titleRelaxed", query.titleRelaxed())
            .param("titleExact", query.titleExact())
            .param("inTitle", query.inTitle())
            .param("examined", query.examined())
            .param("titleTier", query.titleTier())
            .param("normalization", query.normalization() | 32)
            .param("after", after != null)
            .param("afterScore", after == null ? 0.0 : after.score())
            .param("afterId", after == null ? NO_ID : after.id())
            .param("pageRows", query.pageRows())
            .param("marks", MARK_START + MARK_END)
            .param("headlineOptions", HEADLINE_OPTIONS)
            .param("snippetWindow", SNIPPET_WINDOW)
            .param("snippetLead", SNIPPET_LEAD)
            .param("snippetLocators", String.join("\u001f", snippetLocators(query.titleExact())));
    }

    /**
     * What the snippet window looks for in a long section's text: the query's lexemes
     * (those not excluded), and a stem ending in 'i' also without it (the stemmer writes
     * {@code happy} as {@code happi}). Stems are lower case and, those aside, the start
     * of the words they stand for.
     */
    static List<String> snippetLocators(String tsquery) {
        var locators = new java.util.LinkedHashSet<String>();
        collectLocators(TsQueryTree.parse(tsquery), locators);
        return List.copyOf(locators);
    }

    private static void collectLocators(TsQueryTree tree, java.util.Set<String> locators) {
        if (tree instanceof TsQueryTree.Lexeme lexeme) {
            String text = lexeme.text();
            locators.add(text);
            if (text.length() > 3 && text.endsWith("i")) {
                locators.add(text.substring(0, text.length() - 1));
            }
        }
        else if (tree instanceof TsQueryTree.All all) {
            all.operands().forEach(operand -> collectLocators(operand, locators));
        }
        else if (tree instanceof TsQueryTree.Any any) {
            any.operands().forEach(operand -> collectLocators(operand, locators));
        }
        // an excluded word (TsQueryTree.Not) is not in the hits
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, SearchFilters filters) {
        return statement.param("done", ProcessingStatus.DONE.value())
            .param("title", filters.titlePattern())
            .param("version", filters.version())
            .param("document", filters.document())
            .param("level", filters.level())
            .param("latest", filters.latestParameter());
    }

    private static Row row(ResultSet rs, UUID id) throws SQLException {
        var document = new DocumentRef(rs.getObject("document_id", UUID.class), rs.getString("document_title"),
                rs.getString("document_version"));
        return new Row(id, rs.getDouble("score"), rs.getString("title"), rs.getInt("level"),
                rs.getObject("page_number", Integer.class), document, breadcrumb(rs),
                Snippets.toHtml(rs.getString("snippet")));
    }

    private static List<Ancestor> breadcrumb(ResultSet rs) throws SQLException {
        return Breadcrumbs.read(rs, Ancestor::new);
    }

}
