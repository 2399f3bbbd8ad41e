package org.edm.search.query;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.search.Query;
import org.edm.migrations.Migrations;
import org.edm.search.query.CorpusSections.BaseDocument;
import org.edm.search.query.syntax.UserQueryParser;
import org.edm.security.CursorSigner;
import org.edm.testsupport.SharedCorpus;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * How fast and how good the search is at scale: loads {@code edm.bench.sections} (default
 * 1,000,000) sections made from the corpus PDFs into a fresh database, runs a fixed mix
 * of queries per class through {@link SectionSearch} (the API's own code, first page of
 * 20), and prints p50/p95/p99 per class and overall; indexes the same sections in Lucene
 * (BM25) and prints its latencies for the same queries, the top-10 overlap, and how
 * Lucene itself scores our top 10 against its own; prints the EXPLAIN ANALYZE of one
 * query per class.
 * <p>
 * Run: {@code mvn -B -pl search-api -Pbenchmark test} (add
 * {@code -Dedm.bench.sections=200000} for a quicker run). Not a test: it asserts nothing.
 * To iterate on tuning without reloading, point it at a PostgreSQL server that keeps its
 * data ({@code -Dedm.bench.jdbc-url=jdbc:postgresql://host:port/db},
 * {@code edm.bench.user}, {@code edm.bench.password}) and a Lucene directory
 * ({@code -Dedm.bench.lucene-dir}): data already there at the requested size are reused.
 * Search settings can be overridden with {@code -Dedm.search.ranked-candidates=...},
 * {@code examined-rows}, {@code title-tier-max-postings}, {@code sample-above-postings},
 * {@code deepened-rows}, {@code rank-normalization}.
 */
class SearchBenchmark {

    private static final int SECTIONS = Integer.getInteger("edm.bench.sections", 1_000_000);

    private static final int ROUNDS = Integer.getInteger("edm.bench.rounds", 15);

    private static final long SEED = 20261125L;

    private static final Pattern NUMBER = Pattern.compile("[0-9.]+");

    /**
     * The fixed query mix. A trailing space marks a finished word (no prefix matching);
     * without it the last word is also matched as a prefix, as while typing.
     */
    private static final Map<String, List<String>> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("rare", List.of("bust ", "checksum ", "mantissa ", "throttle ", "giveup ", "odd lot "));
        QUERIES.put("medium", List.of("heartbeat ", "retransmission ", "imbalance ", "logon ", "halt ", "snapshot "));
        QUERIES.put("common", List.of("order ", "message ", "field ", "price ", "trade ", "sequence number "));
        QUERIES.put("phrase", List.of("\"sequence number\"", "\"add order\"", "\"order book\"", "\"message type\"",
                "\"end of session\"", "\"field order message\""));
        QUERIES.put("prefix", List.of("retrans", "heartb", "seq", "ord", "imbal", "order ent"));
        QUERIES.put("identifier", List.of("AddOrder", "Stock_Locate", "MsgType", "35=D", "ITCH 5.0", "SoupBinTCP",
                "MoldUDP64", "ClOrdID"));
    }

    @Test
    void searchAtScale() throws Exception {
        SearchSettings settings = settings();
        print("SearchBenchmark: %,d sections, %d measured rounds per query, %d cores, load average %s", SECTIONS,
                ROUNDS, Runtime.getRuntime().availableProcessors(), loadAverage());
        print("settings: %s", settings);
        long started = System.nanoTime();
        List<BaseDocument> corpus = CorpusSections.read(SharedCorpus.require());
        print("corpus: %d documents, %,d sections (%.0f words each on average) read from PDFs in %d s", corpus.size(),
                corpus.stream().mapToInt(d -> d.sections().size()).sum(),
                corpus.stream()
                    .flatMap(d -> d.sections().stream())
                    .mapToInt(x -> x.content().split("\\s+").length)
                    .average()
                    .orElse(0),
                seconds(started));

        String url = System.getProperty("edm.bench.jdbc-url");
        String user = System.getProperty("edm.bench.user", "postgres");
        String password = System.getProperty("edm.bench.password", "postgres");
        if (url == null) {
            TestInfrastructure infrastructure = TestInfrastructure.shared();
            url = infrastructure.createDatabase("edm_bench");
            user = infrastructure.username();
            password = infrastructure.password();
        }
        Migrations.upgrade(new DriverManagerDataSource(url, user, password));
        try (HikariDataSource dataSource = pool(url, user, password)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            long present = jdbc.sql("SELECT count(*) FROM sections").query(Long.class).single();
            if (present == SECTIONS) {
                print("PostgreSQL: reusing the %,d sections already in %s", present, url);
            }
            else {
                jdbc.sql("TRUNCATE documents CASCADE").update();
                long loading = System.nanoTime();
                long loaded = new SectionLoader(url, user, password).load(new SyntheticSections(corpus, SEED), SECTIONS,
                        2, SearchBenchmark::print);
                print("PostgreSQL: %,d sections loaded, indexed and analysed in %d s", loaded, seconds(loading));
            }
            printSizes(jdbc);

            String luceneDirectory = System.getProperty("edm.bench.lucene-dir");
            Path directory = luceneDirectory == null ? Files.createTempDirectory("edm-bench-lucene")
                    : Path.of(luceneDirectory);
            try (var lucene = new LuceneReference(directory, SECTIONS)) {
                if (lucene.needsDocuments()) {
                    long indexing = System.nanoTime();
                    new SyntheticSections(corpus, SEED).generate(SECTIONS, d -> {
                    }, lucene::add);
                    print("Lucene: %,d sections indexed in %d s", SECTIONS, seconds(indexing));
                }
                else {
                    print("Lucene: reusing the index in %s", directory);
                }
                lucene.finish();
                var search = new SectionSearch(new SearchRepository(jdbc), new TermStatistics(jdbc, settings), settings,
                        new DataSourceTransactionManager(dataSource), new SimpleMeterRegistry(),
                        CursorSigner.withRandomSecret(), new LatestVersions(jdbc));
                run(search, lucene, jdbc);
                compareWithIndexOnly(settings, jdbc, dataSource);
            }
            finally {
                if (luceneDirectory == null) {
                    deleteTree(directory);
                }
            }
        }
        print("SearchBenchmark done in %d s", seconds(started));
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * The defaults, or the values of system properties named like the application's
     * ({@code edm.search.*}).
     */
    private static SearchSettings settings() {
        SearchSettings d = SearchSettings.defaults();
        return new SearchSettings(d.maxQueryLength(), d.maxQueryItems(), d.minPrefixLength(),
                Integer.getInteger("edm.search.ranked-candidates", d.rankedCandidates()),
                Integer.getInteger("edm.search.examined-rows", d.examinedRows()),
                Integer.getInteger("edm.search.title-tier-max-postings", d.titleTierMaxPostings()),
                Long.getLong("edm.search.sample-above-postings", d.sampleAbovePostings()),
                Integer.getInteger("edm.search.deepened-rows", d.deepenedRows()),
                Integer.getInteger("edm.search.rank-normalization", d.rankNormalization()), d.statisticsRefresh(),
                d.statementTimeout());
    }

    private void run(SectionSearch search, LuceneReference lucene, JdbcClient jdbc) throws Exception {
        var parser = new UserQueryParser(500, 32, 3);
        Map<String, List<Long>> ours = new LinkedHashMap<>();
        Map<String, List<Long>> theirs = new LinkedHashMap<>();
        Map<String, Query> translated = new LinkedHashMap<>();
        QUERIES.values().forEach(queries -> queries.forEach(q -> translated.put(q, lucene.translate(parser.parse(q)))));
        // warm-up: each query twice in both engines
        for (int i = 0; i < 2; i++) {
            for (String q : translated.keySet()) {
                search.search(q, SearchFilters.NONE, 20, null);
                lucene.top(translated.get(q), 20);
            }
        }
        long backend = backendPid(jdbc);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<Long>> oursCpu = new LinkedHashMap<>();
        Map<String, List<Long>> theirsCpu = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, List<String>> entry : QUERIES.entrySet()) {
                for (String q : entry.getValue()) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long b0 = cpuNanos(backend);
                    long t0 = System.nanoTime();
                    search.search(q, SearchFilters.NONE, 20, null);
                    long t1 = System.nanoTime();
                    long b1 = cpuNanos(backend);
                    long c1 = threads.getCurrentThreadCpuTime();
                    lucene.top(translated.get(q), 20);
                    long t2 = System.nanoTime();
                    long c2 = threads.getCurrentThreadCpuTime();
                    ours.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(t1 - t0);
                    theirs.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(t2 - t1);
                    oursCpu.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add((b1 - b0) + (c1 - c0));
                    theirsCpu.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(c2 - c1);
                }
            }
        }

        print("");
        print("Latency of the first page (20 hits), wall clock, milliseconds; PostgreSQL through SectionSearch, Lucene top-20");
        printTable(ours, theirs);
        if (backend > 0) {
            print("");
            print("CPU time of the same requests, milliseconds: PostgreSQL backend + client thread; Lucene search thread.");
            print("On a busy shared machine this is what a request costs, without the wait for a free core.");
            printTable(oursCpu, theirsCpu);
        }

        print("");
        print("Per query: total (E = estimate), ranking, PostgreSQL p50 ms, top-10 overlap with Lucene, quality = Lucene's");
        print("BM25 score of our top 10 / of Lucene's top 10 (1.00 = as good as Lucene by Lucene's measure)");
        Map<String, double[]> classQuality = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : QUERIES.entrySet()) {
            for (String q : entry.getValue()) {
                SearchPage page = search.search(q, SearchFilters.NONE, 10, null);
                List<UUID> ourTop = page.hits().stream().map(SearchPage.Hit::sectionId).toList();
                List<UUID> luceneTop = lucene.top(translated.get(q), 10);
                Set<UUID> common = new HashSet<>(ourTop);
                common.retainAll(luceneTop);
                double overlap = luceneTop.isEmpty() ? (ourTop.isEmpty() ? 1 : 0)
                        : (double) common.size() / luceneTop.size();
                double best = lucene.scoreSumOfTop(translated.get(q), 10);
                double quality = best == 0 ? (ourTop.isEmpty() ? 1 : 0)
                        : lucene.scoreSum(translated.get(q), ourTop) / best;
                double[] sums = classQuality.computeIfAbsent(entry.getKey(), k -> new double[3]);
                sums[0] += overlap;
                sums[1] += quality;
                sums[2]++;
                print("  %-11s %-24s total %,9d%s %-9s %7.1f ms  overlap %3.0f%%  quality %.2f", entry.getKey(),
                        "[" + q + "]", page.total(), page.totalIsEstimate() ? "E" : " ",
                        page.allMatchesRanked() ? "all" : "bounded", median(q, search), overlap * 100, quality);
            }
        }
        print("");
        print("%-11s %8s %8s", "class", "overlap", "quality");
        double[] overall = new double[3];
        classQuality.forEach((k, v) -> {
            print("%-11s %7.0f%% %8.2f", k, 100 * v[0] / v[2], v[1] / v[2]);
            overall[0] += v[0];
            overall[1] += v[1];
            overall[2] += v[2];
        });
        print("%-11s %7.0f%% %8.2f", "overall", 100 * overall[0] / overall[2], overall[1] / overall[2]);

        String show = System.getProperty("edm.bench.show");
        if (show != null) {
            showTopTen(show, search, lucene,
                    translated.containsKey(show) ? translated.get(show) : lucene.translate(parser.parse(show)), jdbc);
        }
        for (Map.Entry<String, List<String>> entry : QUERIES.entrySet()) {
            List<String> shown = entry.getKey().equals("phrase")
                    ? List.of(entry.getValue().get(0), entry.getValue().get(5)) : List.of(entry.getValue().get(0));
            for (String q : shown) {
                print("");
                print("EXPLAIN ANALYZE, class %s, query [%s]:", entry.getKey(), q);
                search.explain(q, SearchFilters.NONE, 20).forEach(line -> print("  %s", line));
            }
        }
    }

    private static void printTable(Map<String, List<Long>> ours, Map<String, List<Long>> theirs) {
        print("%-11s %7s %7s %7s %7s | %7s %7s %7s", "class", "p50", "p95", "p99", "max", "L p50", "L p95", "L p99");
        List<Long> allOurs = new ArrayList<>();
        List<Long> allTheirs = new ArrayList<>();
        for (String queryClass : QUERIES.keySet()) {
            allOurs.addAll(ours.get(queryClass));
            allTheirs.addAll(theirs.get(queryClass));
            printLatencies(queryClass, ours.get(queryClass), theirs.get(queryClass));
        }
        printLatencies("overall", allOurs, allTheirs);
    }

    /**
     * The backend process of the pool's single connection, or 0 when its CPU time cannot
     * be read here.
     */
    private static long backendPid(JdbcClient jdbc) {
        long pid = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
        return Files.isReadable(Path.of("/proc/" + pid + "/schedstat")) ? pid : 0;
    }

    /** Nanoseconds the process has run on a CPU (Linux schedstat), or 0 when unknown. */
    private static long cpuNanos(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/" + pid + "/schedstat")).split(" ")[0]);
        }
        catch (Exception e) {
            return 0;
        }
    }

    /**
     * The common words again with the sample switched off, as the planner likes it (it
     * reads the table, or an index on another column, in order until 500 rows match);
     * then what reading 500 candidates costs through the full GIN index and through the
     * sample, measured on the bare statement: the measurements behind the sample.
     */
    private static void compareWithIndexOnly(SearchSettings settings, JdbcClient jdbc, HikariDataSource dataSource) {
        var noSample = new SearchSettings(settings.maxQueryLength(), settings.maxQueryItems(),
                settings.minPrefixLength(), settings.rankedCandidates(), settings.examinedRows(),
                settings.titleTierMaxPostings(), Long.MAX_VALUE, settings.deepenedRows(), settings.rankNormalization(),
                settings.statisticsRefresh(), settings.statementTimeout());
        var search = new SectionSearch(new SearchRepository(jdbc), new TermStatistics(jdbc, noSample), noSample,
                new DataSourceTransactionManager(dataSource), new SimpleMeterRegistry(),
                CursorSigner.withRandomSecret(), new LatestVersions(jdbc));
        long backend = backendPid(jdbc);
        print("");
        print("Common words without the sample, as the planner chooses, median of 5:");
        for (String q : QUERIES.get("common")) {
            long[] wall = new long[5];
            long[] cpu = new long[5];
            for (int i = 0; i < 5; i++) {
                long b0 = cpuNanos(backend);
                long t0 = System.nanoTime();
                search.search(q, SearchFilters.NONE, 20, null);
                wall[i] = System.nanoTime() - t0;
                cpu[i] = cpuNanos(backend) - b0;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            print("  %-24s wall %7.1f ms   PostgreSQL CPU %7.1f ms", "[" + q + "]", wall[2] / 1e6, cpu[2] / 1e6);
        }
        String q = QUERIES.get("common").get(0);
        print("EXPLAIN ANALYZE, class common without the sample, query [%s]:", q);
        search.explain(q, SearchFilters.NONE, 20).forEach(line -> print("  %s", line));

        print("");
        print("500 candidates through a GIN index alone (only bitmap scans allowed), execution time, median of 3:");
        // the pool has one connection: session settings apply to the statements below
        jdbc.sql("SET enable_seqscan = off").update();
        jdbc.sql("SET enable_indexscan = off").update();
        for (String word : QUERIES.get("common")) {
            String full = "SELECT 1 FROM sections s WHERE s.search_vector @@ plainto_tsquery('english', :q) LIMIT 500";
            String sample = "SELECT 1 FROM sections s WHERE s.search_vector @@ plainto_tsquery('english', :q) AND "
                    + SearchRepository.IN_SAMPLE + " LIMIT 500";
            print("  %-24s idx_sections_fts %7.1f ms   idx_sections_fts_sample %7.1f ms", "[" + word + "]",
                    executionMillis(jdbc, full, word), executionMillis(jdbc, sample, word));
        }
        jdbc.sql("RESET enable_seqscan").update();
        jdbc.sql("RESET enable_indexscan").update();
    }

    private static double executionMillis(JdbcClient jdbc, String statement, String q) {
        double[] times = new double[3];
        for (int i = 0; i < times.length; i++) {
            String plan = jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + statement)
                .param("q", q)
                .query(String.class)
                .single();
            int at = plan.indexOf("\"Execution Time\":");
            Matcher number = NUMBER.matcher(plan.substring(at + 17));
            times[i] = number.find() ? Double.parseDouble(number.group()) : Double.NaN;
        }
        Arrays.sort(times);
        return times[1];
    }

    /**
     * Both top tens side by side, with Lucene's score of each hit: for looking into
     * ranking differences.
     */
    private static void showTopTen(String q, SectionSearch search, LuceneReference lucene, Query query, JdbcClient jdbc)
            throws Exception {
        print("");
        print("Top 10 for [%s]: ours (score, Lucene's score) | Lucene's", q);
        List<UUID> ours = search.search(q, SearchFilters.NONE, 10, null)
            .hits()
            .stream()
            .map(SearchPage.Hit::sectionId)
            .toList();
        List<UUID> theirs = lucene.top(query, 10);
        for (int i = 0; i < 10; i++) {
            print("  %-70s | %s", i < ours.size() ? describe(ours.get(i), lucene, query, jdbc) : "",
                    i < theirs.size() ? describe(theirs.get(i), lucene, query, jdbc) : "");
        }
    }

    private static String describe(UUID id, LuceneReference lucene, Query query, JdbcClient jdbc) throws Exception {
        String row = jdbc
            .sql("""
                    SELECT left(coalesce(title, ''), 30) || ' (' || coalesce(array_length(regexp_split_to_array(content, '\\s+'), 1), 0)
                           || ' words)' FROM sections WHERE id = :id""")
            .param("id", id)
            .query(String.class)
            .single();
        return String.format(Locale.ROOT, "%-42s L=%.2f", row, lucene.scoreSum(query, List.of(id)));
    }

    private static double median(String q, SectionSearch search) {
        long[] times = new long[5];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            search.search(q, SearchFilters.NONE, 20, null);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[2] / 1e6;
    }

    private static void printLatencies(String name, List<Long> ours, List<Long> lucene) {
        print("%-11s %7.1f %7.1f %7.1f %7.1f | %7.2f %7.2f %7.2f", name, percentile(ours, 50), percentile(ours, 95),
                percentile(ours, 99), percentile(ours, 100), percentile(lucene, 50), percentile(lucene, 95),
                percentile(lucene, 99));
    }

    private static double percentile(List<Long> nanos, double p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static void printSizes(JdbcClient jdbc) {
        jdbc.sql(
                """
                        SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid)) AS size
                        FROM pg_class c
                        WHERE c.relname IN ('sections', 'idx_sections_fts', 'idx_sections_title_fts', 'idx_sections_fts_sample', 'idx_sections_phrase_pairs')
                        ORDER BY c.relname
                        """)
            .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
            .list()
            .forEach(line -> print("size: %s", line));
    }

    private static HikariDataSource pool(String url, String user, String password) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        // one connection: its backend process is the one whose CPU time is measured
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (Exception e) {
            return "unknown";
        }
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

}
