package org.edm.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edm.events.ProcessingStatus;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar local-stack/target/local-stack.jar benchmark --dir=DIR...}: uploads
 * every PDF of the folders through the HTTP API of a running stack with N clients, waits
 * until each document is final and prints pages/s from the first upload to the last final
 * status, upload-to-searchable percentiles (server timestamps {@code uploadDate} to
 * {@code updatedAt} of the final status, which commits with the sections), the parser's
 * mean split and write time per document (from its Actuator metrics; queue wait is the
 * rest), and the floor: plain text extraction of the same files on all cores
 * ({@code pdftotext}, one process per core, when installed; else PDFBox). Not a test: it
 * measures, it does not assert.
 */
final class ThroughputBenchmark {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    static final String USAGE = """
            java -jar local-stack/target/local-stack.jar benchmark --dir=DIR [--dir=DIR...] [options]
              --clients=N          concurrent uploading clients                            default 4
              --min-pages=N        upload the folders again (same files, new version labels) until N pages
              --ingest=URL         ingest-service                                          default http://localhost:8081
              --parser-actuator=URL parser-worker's Actuator (metrics, from loopback; repeatable, one per worker
                                   process, summed)                                      default http://localhost:8083/actuator
              --key-file=FILE      API key with documents:write and documents:read          default data/api-key
              --bulk               send the uploads as bulk work (header X-Edm-Priority: bulk)
              --probe=FILE         while the run is in flight, upload FILE as interactive work every
                                   --probe-every seconds (default 5) and print its upload->searchable p50/p90
              --idle-probes=N      before the run, while the stack is idle, upload the --probe FILE N times
                                   one after another and print its upload->searchable p50/p90   default 0
              --search-clients=N   N clients searching while ingesting; prints search p50/p99   default 0
              --idle-search=S      with --search-clients: first search S seconds on the idle stack
                                   (before the uploads) and print p50/p99 and searches/s   default 0
              --search=URL         search-api                                              default http://localhost:8082
              --fresh-stack        start a local stack of its own (temporary data directory, free ports)
                                   for each run instead of using a running one
              --parser-workers=N,M with --fresh-stack: one run per count of parser-worker processes, the
                                   same files each time, then pages/s side by side         default 1
              --rounds=N           upload the same files N times on one stack (new version labels each
                                   round), one after the other: the first round runs on freshly started
                                   JVMs that are still compiling, the later ones on a warm stack; the
                                   floor's ratio and the side-by-side line use the last round  default 1
              --no-floor           skip the text extraction floor
            Before each run it prints how busy the CPUs are (a fresh stack gets up to a minute to settle)
            and the load average: figures from a busy machine are not idle figures.
            """;

    private static final List<String> QUERIES = List.of("order", "message", "session", "price", "sequence number",
            "heartbeat", "trade", "instrument", "logon", "quantity");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String ingest;

    private final List<String> parserActuators;

    private final String search;

    private final String key;

    private final Options options;

    private ThroughputBenchmark(String ingest, List<String> parserActuators, String search, String key,
            Options options) {
        this.ingest = ingest;
        this.parserActuators = List.copyOf(parserActuators);
        this.search = search;
        this.key = key;
        this.options = options;
    }

    /** What a run does beside uploading. */
    private record Options(boolean bulk, @Nullable Path probe, Duration probeEvery, int idleProbes, int searchClients,
            int idleSearchSeconds) {
    }

    /** What one run measured, for the side-by-side line of several runs. */
    private record Result(long pages, double seconds) {
        double pagesPerSecond() {
            return seconds > 0 ? pages / seconds : 0;
        }
    }

    /** One file to upload, under a version label of this run. */
    private record Job(Path file, int pages, String title, String version) {
    }

    /** An accepted upload and, once known, its final state. */
    private record Upload(Job job, UUID id) {
    }

    private record Final(Upload upload, String status, Instant uploaded, Instant finished, int pages) {
    }

    static void run(List<String> args) throws Exception {
        List<Path> dirs = new ArrayList<>();
        int clients = 4;
        long minPages = 0;
        String ingest = "http://localhost:8081";
        List<String> metrics = new ArrayList<>();
        String search = "http://localhost:8082";
        Path keyFile = Path.of("data/api-key");
        boolean floor = true;
        boolean bulk = false;
        Path probe = null;
        Duration probeEvery = Duration.ofSeconds(5);
        int searchClients = 0;
        int idleProbes = 0;
        int idleSearch = 0;
        int rounds = 1;
        boolean freshStack = false;
        List<Integer> workerCounts = List.of(1);
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.startsWith("--dir=")) {
                dirs.add(Path.of(value));
            }
            else if (arg.startsWith("--clients=")) {
                clients = Integer.parseInt(value);
            }
            else if (arg.startsWith("--min-pages=")) {
                minPages = Long.parseLong(value);
            }
            else if (arg.startsWith("--ingest=")) {
                ingest = value;
            }
            else if (arg.startsWith("--parser-actuator=")) {
                metrics.add(value);
            }
            else if (arg.startsWith("--search=")) {
                search = value;
            }
            else if (arg.startsWith("--key-file=")) {
                keyFile = Path.of(value);
            }
            else if (arg.startsWith("--probe=")) {
                probe = Path.of(value);
            }
            else if (arg.startsWith("--probe-every=")) {
                probeEvery = Duration.ofSeconds(Long.parseLong(value));
            }
            else if (arg.startsWith("--idle-probes=")) {
                idleProbes = Integer.parseInt(value);
            }
            else if (arg.startsWith("--idle-search=")) {
                idleSearch = Integer.parseInt(value);
            }
            else if (arg.startsWith("--search-clients=")) {
                searchClients = Integer.parseInt(value);
            }
            else if (arg.equals("--fresh-stack")) {
                freshStack = true;
            }
            else if (arg.startsWith("--parser-workers=")) {
                workerCounts = java.util.Arrays.stream(value.split(","))
                    .map(String::strip)
                    .map(Integer::parseInt)
                    .toList();
            }
            else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(value);
            }
            else if (arg.equals("--no-floor")) {
                floor = false;
            }
            else if (arg.equals("--bulk")) {
                bulk = true;
            }
            else {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        if (dirs.isEmpty() || clients < 1 || rounds < 1) {
            throw new IllegalArgumentException("give at least one --dir, --clients >= 1 and --rounds >= 1\n" + USAGE);
        }
        if (idleSearch > 0 && searchClients < 1) {
            throw new IllegalArgumentException("--idle-search needs --search-clients=N");
        }
        if (idleProbes > 0 && probe == null) {
            throw new IllegalArgumentException("--idle-probes needs --probe=FILE");
        }
        if (!freshStack && workerCounts.size() > 1) {
            throw new IllegalArgumentException("--parser-workers with several counts needs --fresh-stack");
        }
        List<Job> jobs = jobs(dirs, minPages);
        Options options = new Options(bulk, probe, probeEvery, idleProbes, searchClients, idleSearch);
        if (!freshStack) {
            String key = Files.readString(keyFile).strip();
            Result result = new ThroughputBenchmark(ingest,
                    metrics.isEmpty() ? List.of("http://localhost:8083/actuator") : metrics, search, key, options)
                .rounds(jobs, clients, rounds);
            if (floor) {
                floor(jobs, jobs.stream().mapToLong(Job::pages).sum(), result.pagesPerSecond());
            }
            return;
        }
        Map<Integer, Result> results = new java.util.LinkedHashMap<>();
        for (int workers : workerCounts) {
            Path dataDir = Files.createTempDirectory("edm-benchmark");
            // free ports, not the defaults: a stack of the user's may be running beside
            // it
            int parserPort = freePorts(workers, 10);
            StackSettings settings = StackSettings.parse(
                    new String[] { "--data-dir=" + dataDir, "--postgres-port=" + freePorts(1, 1),
                            "--kafka-port=" + freePorts(2, 1), "--ingest-port=" + freePorts(1, 1),
                            "--search-port=" + freePorts(1, 1), "--parser-port=" + parserPort,
                            "--web-port=" + freePorts(1, 1), "--ingest-management-port=" + freePorts(1, 1),
                            "--search-management-port=" + freePorts(1, 1),
                            "--service-property=edm.security.rate-limit.uploads=1000000",
                            "--service-property=edm.security.rate-limit.searches=1000000" },
                    System.getenv(), LocalStack.defaultServicesDir());
            List<String> actuators = new ArrayList<>();
            for (int n = 1; n <= workers; n++) {
                actuators.add("http://" + settings.serviceHost() + ":"
                        + (settings.parserManagementPort() + 10 * (n - 1)) + "/actuator");
            }
            System.out.printf("%n=== fresh local stack, %d parser-worker process(es), data in %s ===%n", workers,
                    dataDir);
            LocalStack stack = new LocalStack(settings, workers);
            // an interrupted benchmark (Ctrl-C, kill) stops its stack too
            Thread stop = new Thread(stack::close, "benchmark-stack-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                stack.start();
                String host = "http://" + settings.serviceHost() + ":";
                var benchmark = new ThroughputBenchmark(host + settings.ingestPort(), actuators,
                        host + settings.searchPort(),
                        Files.readString(dataDir.resolve(LocalStack.API_KEY_FILE)).strip(), options);
                results.put(workers, benchmark.rounds(jobs, clients, rounds));
            }
            finally {
                stack.close();
                Runtime.getRuntime().removeShutdownHook(stop);
            }
        }
        if (results.size() > 1) {
            System.out.println();
            Result first = results.values().iterator().next();
            results.forEach((workers, result) -> System.out.printf(
                    "parser-worker processes %d: %d pages in %.1f s = %.0f pages/s (%.2fx the first)%n", workers,
                    result.pages(), result.seconds(), result.pagesPerSecond(),
                    result.pagesPerSecond() / Math.max(1e-9, first.pagesPerSecond())));
        }
        if (floor) {
            floor(jobs, jobs.stream().mapToLong(Job::pages).sum(),
                    results.values().stream().mapToDouble(Result::pagesPerSecond).max().orElse(0));
        }
    }

    private static List<Job> jobs(List<Path> dirs, long minPages) throws IOException {
        List<Job> files = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (Path dir : dirs) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path file : list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .sorted()
                    .toList()) {
                    String name = file.getFileName().toString();
                    files.add(new Job(file, pageCount(file), name.substring(0, name.length() - 4), "bench-" + run));
                }
            }
        }
        List<Job> jobs = new ArrayList<>(files);
        long pages = files.stream().mapToLong(Job::pages).sum();
        for (int copy = 2; pages > 0 && pages < minPages; copy++) {
            for (Job job : files) {
                jobs.add(new Job(job.file(), job.pages(), job.title(), job.version() + "-copy" + copy));
                pages += job.pages();
            }
        }
        return jobs;
    }

    private static int pageCount(Path file) {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return pdf.getNumberOfPages();
        }
        catch (IOException e) {
            return 0; // a damaged file still goes up: the parser decides
        }
    }

    /**
     * Measures {@code rounds} times on this stack, each round under new version labels.
     * @return the last round's result
     */
    private Result rounds(List<Job> jobs, int clients, int rounds) throws Exception {
        List<Result> results = new ArrayList<>();
        for (int n = 1; n <= rounds; n++) {
            if (rounds > 1) {
                System.out.printf("%n--- round %d of %d%s ---%n", n, rounds,
                        n == 1 ? " (JVMs freshly started or cold)" : "");
            }
            String label = "-round" + n;
            List<Job> relabelled = rounds == 1 ? jobs
                    : jobs.stream()
                        .map(job -> new Job(job.file(), job.pages(), job.title(), job.version() + label))
                        .toList();
            results.add(measure(relabelled, clients, n == 1));
        }
        if (rounds > 1) {
            System.out.println();
            for (int n = 0; n < results.size(); n++) {
                Result result = results.get(n);
                System.out.printf("round %d: %d pages in %.1f s = %.0f pages/s%n", n + 1, result.pages(),
                        result.seconds(), result.pagesPerSecond());
            }
        }
        return results.get(results.size() - 1);
    }

    /**
     * One round; the idle probes and the idle search run before the first only.
     */
    private Result measure(List<Job> jobs, int clients, boolean firstRound) throws Exception {
        long pages = jobs.stream().mapToLong(Job::pages).sum();
        System.out.printf("%d uploads, %d pages, %d clients%s%n", jobs.size(), pages, clients,
                options.bulk() ? ", bulk" : "");
        System.out.println(loadNote());
        if (firstRound && options.idleProbes() > 0) {
            List<Long> idle = new ArrayList<>();
            for (int n = 1; n <= options.idleProbes(); n++) {
                idle.add(probeOnce("idle-" + n));
            }
            List<Long> sorted = idle.stream().sorted().toList();
            System.out.printf(
                    "interactive upload on the idle stack (%s, one after another): n=%d p50 %d ms  p90 %d ms"
                            + "  max %d ms%n",
                    options.probe().getFileName(), sorted.size(), percentile(sorted, 50), percentile(sorted, 90),
                    percentile(sorted, 100));
        }
        if (firstRound && options.idleSearchSeconds() > 0) {
            searchIdle(options.searchClients(), Duration.ofSeconds(options.idleSearchSeconds()));
        }
        Map<String, Double> before = parserMeters();
        Instant firstUpload = Instant.now();
        ConcurrentLinkedQueue<Upload> uploads = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>(jobs);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var running = new java.util.concurrent.atomic.AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> probes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> searches = new ConcurrentLinkedQueue<>();
        var searchErrors = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService sidelines = Executors.newFixedThreadPool(options.searchClients() + 1);
        List<Future<?>> sideline = new ArrayList<>();
        if (options.probe() != null) {
            sideline.add(sidelines.submit(() -> probe(running, probes)));
        }
        for (int i = 0; i < options.searchClients(); i++) {
            int client = i;
            sideline.add(sidelines.submit(() -> searchLoop(client, running, searches, searchErrors)));
        }
        List<Final> finals;
        Instant lastUpload;
        try {
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    futures.add(pool.submit(() -> {
                        for (Job job; (job = queue.poll()) != null;) {
                            uploads.add(new Upload(job, upload(job, options.bulk())));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            }
            finally {
                pool.shutdownNow();
            }
            lastUpload = Instant.now();
            finals = awaitFinal(new ArrayList<>(uploads));
        }
        finally {
            running.set(false);
            for (Future<?> future : sideline) {
                try {
                    future.get();
                }
                catch (java.util.concurrent.ExecutionException e) {
                    System.out.println("side load failed: " + e.getCause());
                }
            }
            sidelines.shutdownNow();
        }
        Map<String, Double> after = parserMeters();
        Result result = report(finals, firstUpload, lastUpload, before, after);
        if (options.probe() != null) {
            List<Long> sorted = probes.stream().sorted().toList();
            System.out.printf(
                    "interactive probe (%s every %d s) upload->searchable ms while the run was in flight:"
                            + " n=%d p50 %d  p90 %d  max %d%n",
                    options.probe().getFileName(), options.probeEvery().toSeconds(), sorted.size(),
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 100));
        }
        if (options.searchClients() > 0) {
            printSearches("search while ingesting", searches, searchErrors.get(),
                    Duration.between(firstUpload, Instant.now()));
        }
        return result;
    }

    /** A port p such that p, p + step, ..., p + (count - 1) * step are free now. */
    private static int freePorts(int count, int step) throws IOException {
        while (true) {
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            boolean free = port + (count - 1) * step < 65536;
            for (int i = 1; free && i < count; i++) {
                free = ListeningPorts.isFree(port + i * step);
            }
            if (free) {
                return port;
            }
        }
    }

    /**
     * How busy the machine is just before the run: the share of CPU time not idle over
     * three seconds (from {@code /proc/stat}) and the load average, so that figures from
     * a busy machine are read as such. A freshly started stack is given up to a minute to
     * settle (its services compile and warm up) before the sample counts.
     */
    private static String loadNote() throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            double busy = busyShare();
            for (long giveUp = System.nanoTime() + SETTLE.toNanos(); busy > 0.25 && System.nanoTime() < giveUp;) {
                busy = busyShare();
            }
            String[] load = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return String.format(Locale.ROOT,
                    "CPU %.0f%% busy over 3 s before the run, load average %s %s %s on %d cores%s", busy * 100, load[0],
                    load[1], load[2], cores,
                    busy > 0.25 ? ": NOT an idle machine, the figures are lower than idle ones" : ": idle");
        }
        catch (IOException | RuntimeException e) {
            return cores + " cores (CPU use not readable)";
        }
    }

    /**
     * The share of CPU time that was not idle (nor waiting for I/O) over three seconds.
     */
    private static double busyShare() throws IOException, InterruptedException {
        long[] before = cpuTimes();
        Thread.sleep(3_000);
        long[] after = cpuTimes();
        double total = after[0] - before[0];
        return total <= 0 ? 0 : 1 - (after[1] - before[1]) / total;
    }

    /** The total and the idle (idle + iowait) jiffies of all CPUs. */
    private static long[] cpuTimes() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).strip().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] { total, Long.parseLong(fields[4]) + Long.parseLong(fields[5]) };
    }

    /**
     * Uploads the probe file as interactive work, one at a time, timing each to its final
     * status.
     */
    private Void probe(java.util.concurrent.atomic.AtomicBoolean running, ConcurrentLinkedQueue<Long> latencies)
            throws Exception {
        for (int n = 1; running.get(); n++) {
            long next = System.nanoTime() + options.probeEvery().toNanos();
            latencies.add(probeOnce(Integer.toString(n)));
            long rest = (next - System.nanoTime()) / 1_000_000;
            if (rest > 0 && running.get()) {
                Thread.sleep(rest);
            }
        }
        return null;
    }

    /**
     * Uploads the probe file once as interactive work under a new version label and
     * answers its upload->searchable time in ms (from the server's timestamps: upload
     * time to the final status).
     */
    private long probeOnce(String label) throws IOException, InterruptedException {
        Path file = java.util.Objects.requireNonNull(options.probe());
        UUID id = upload(new Job(file, 0, "probe " + file.getFileName(),
                "probe-" + Long.toString(System.currentTimeMillis(), 36) + "-" + label), false);
        while (true) {
            JsonNode document = document(id);
            String status = document == null ? "" : document.path("status").asString();
            if (ProcessingStatus.fromValue(status).map(ProcessingStatus::isFinal).orElse(false)) {
                return Duration
                    .between(Instant.parse(document.path("uploadDate").asString()),
                            Instant.parse(document.path("updatedAt").asString()))
                    .toMillis();
            }
            Thread.sleep(20); // polling; the measured time is the server's
        }
    }

    /**
     * One searching client: queries in turn, back to back, each timed from request to
     * full answer.
     */
    /** {@code clients} searching back to back for {@code duration}, nothing else. */
    private void searchIdle(int clients, Duration duration) throws Exception {
        var running = new java.util.concurrent.atomic.AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        var errors = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant started = Instant.now();
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                loops.add(pool.submit(() -> searchLoop(client, running, latencies, errors)));
            }
            Thread.sleep(duration.toMillis());
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
        }
        finally {
            running.set(false);
            pool.shutdownNow();
        }
        printSearches("search on the idle stack", latencies, errors.get(), Duration.between(started, Instant.now()));
    }

    private void printSearches(String what, Collection<Long> latencies, long errors, Duration during) {
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("%s (%d clients): n=%d errors=%d  p50 %d ms  p99 %d ms  max %d ms  %.0f searches/s%n", what,
                options.searchClients(), sorted.size(), errors, percentile(sorted, 50), percentile(sorted, 99),
                percentile(sorted, 100), sorted.size() / Math.max(1e-3, during.toMillis() / 1000.0));
    }

    private Void searchLoop(int client, java.util.concurrent.atomic.AtomicBoolean running,
            ConcurrentLinkedQueue<Long> latencies, java.util.concurrent.atomic.AtomicLong errors) throws Exception {
        for (int n = client; running.get(); n++) {
            String query = java.net.URLEncoder.encode(QUERIES.get(n % QUERIES.size()), StandardCharsets.UTF_8);
            long started = System.nanoTime();
            HttpResponse<String> response = http
                .send(HttpRequest.newBuilder(URI.create(search + "/api/search?q=" + query))
                    .header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                latencies.add((System.nanoTime() - started) / 1_000_000);
            }
            else {
                errors.incrementAndGet();
            }
        }
        return null;
    }

    private @Nullable JsonNode document(UUID id) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest + "/api/documents/" + id))
            .header("Authorization", "Bearer " + key)
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private UUID upload(Job job, boolean bulk) throws IOException, InterruptedException {
        UploadForm form = new UploadForm(job.title(), job.version(), null);
        var request = HttpRequest.newBuilder(URI.create(ingest + "/api/documents"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", form.contentType());
        if (bulk) {
            request.header("X-Edm-Priority", "bulk");
        }
        HttpRequest post = request.POST(form.withFile(job.file())).build();
        while (true) {
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, wait) * 1000); // the server asked for it
                continue;
            }
            if (response.statusCode() != 202 && response.statusCode() != 200) {
                throw new IllegalStateException(
                        "upload of " + job.file() + " answered " + response.statusCode() + ": " + response.body());
            }
            return UUID.fromString(JSON.readTree(response.body()).path("id").asString());
        }
    }

    /**
     * Polls each unfinished document about once a second; the times come from the
     * server's timestamps.
     */
    private List<Final> awaitFinal(List<Upload> uploads) throws IOException, InterruptedException {
        List<Final> finals = new ArrayList<>();
        List<Upload> open = new ArrayList<>(uploads);
        Instant giveUp = Instant.now().plus(Duration.ofHours(2));
        while (!open.isEmpty() && Instant.now().isBefore(giveUp)) {
            long sweep = System.nanoTime();
            for (var it = open.iterator(); it.hasNext();) {
                Upload upload = it.next();
                HttpResponse<String> response = http
                    .send(HttpRequest.newBuilder(URI.create(ingest + "/api/documents/" + upload.id()))
                        .header("Authorization", "Bearer " + key)
                        .GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    continue;
                }
                JsonNode document = JSON.readTree(response.body());
                String status = document.path("status").asString();
                if (ProcessingStatus.fromValue(status).map(ProcessingStatus::isFinal).orElse(false)) {
                    finals.add(new Final(upload, status, Instant.parse(document.path("uploadDate").asString()),
                            Instant.parse(document.path("updatedAt").asString()), document.path("pageCount").asInt(0)));
                    it.remove();
                }
            }
            long rest = 1_000 - (System.nanoTime() - sweep) / 1_000_000;
            if (!open.isEmpty() && rest > 0) {
                // polling interval; the measured times are the server's
                Thread.sleep(rest);
            }
        }
        if (!open.isEmpty()) {
            System.out.printf("%d documents not final after 2 h%n", open.size());
        }
        return finals;
    }

    private static Result report(List<Final> finals, Instant firstUpload, Instant lastUpload,
            Map<String, Double> before, Map<String, Double> after) {
        Instant lastFinal = finals.stream().map(Final::finished).max(Instant::compareTo).orElse(lastUpload);
        long done = finals.stream().filter(f -> f.status().equals(ProcessingStatus.DONE.value())).count();
        long pagesDone = finals.stream().mapToLong(Final::pages).sum();
        double wall = Duration.between(firstUpload, lastFinal).toMillis() / 1000.0;
        List<Long> latencies = finals.stream()
            .map(f -> Duration.between(f.uploaded(), f.finished()).toMillis())
            .sorted()
            .toList();
        System.out.printf("final: %d (%d done, %d failed); uploads took %.1f s%n", finals.size(), done,
                finals.size() - done, Duration.between(firstUpload, lastUpload).toMillis() / 1000.0);
        System.out.printf("ingest: %d pages in %.1f s = %.0f pages/s (first upload to last final status)%n", pagesDone,
                wall, pagesDone / wall);
        System.out.printf("upload->searchable ms: p50 %d  p90 %d  p99 %d  max %d%n", percentile(latencies, 50),
                percentile(latencies, 90), percentile(latencies, 99), percentile(latencies, 100));
        double splits = delta(after, before, "edm_parser_split_duration_seconds_count");
        double writes = delta(after, before, "edm_parser_write_duration_seconds_count");
        if (splits > 0 && writes > 0) {
            double split = delta(after, before, "edm_parser_split_duration_seconds_sum") / splits * 1000;
            double write = delta(after, before, "edm_parser_write_duration_seconds_sum") / writes * 1000;
            double mean = latencies.stream().mapToLong(Long::longValue).average().orElse(0);
            System.out.printf(
                    "per document (mean): queue wait %.0f ms, split %.0f ms (slot wait included), "
                            + "write %.0f ms; write share of split+write %.1f%%%n",
                    Math.max(0, mean - split - write), split, write, 100 * write / (split + write));
        }
        else {
            System.out.println("per document: parser meters not readable (give --parser-actuator)");
        }
        return new Result(pagesDone, wall);
    }

    private static double delta(Map<String, Double> after, Map<String, Double> before, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /**
     * The parser's split and write timers (count, total seconds); empty when its Actuator
     * is not reachable.
     */
    private Map<String, Double> parserMeters() {
        Map<String, Double> meters = new HashMap<>();
        for (String actuator : parserActuators) { // several worker processes: their sums
            timer(meters, actuator, "edm.parser.split.duration?tag=status:done", "split");
            timer(meters, actuator, "edm.parser.write.duration", "write");
        }
        return meters;
    }

    private void timer(Map<String, Double> meters, String actuator, String path, String name) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(actuator + "/metrics/" + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return;
            }
            for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
                String statistic = measurement.path("statistic").asString();
                if (statistic.equals("COUNT")) {
                    meters.merge("edm_parser_" + name + "_duration_seconds_count", measurement.path("value").asDouble(),
                            Double::sum);
                }
                else if (statistic.equals("TOTAL_TIME")) {
                    meters.merge("edm_parser_" + name + "_duration_seconds_sum", measurement.path("value").asDouble(),
                            Double::sum);
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // reported as "not readable"
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The text extraction floor over the same files, all cores busy: {@code pdftotext}
     * when installed, and PDFBox's plain text extraction (what the splitter builds on)
     * always, each with the ingest rate as a share of it.
     */
    private static void floor(List<Job> jobs, long pages, double ingestPagesPerSecond) throws Exception {
        List<Boolean> extractors = pdftotextInstalled() ? List.of(true, false) : List.of(false);
        int cores = Runtime.getRuntime().availableProcessors();
        for (boolean poppler : extractors) {
            List<Path> files = jobs.stream().map(Job::file).toList();
            if (!poppler) {
                // the split runs in a long-lived JVM: this floor gets one untimed pass to
                // compile, like the last round of --rounds
                extractAll(files.stream().distinct().toList(), false, cores);
            }
            double seconds = extractAll(files, poppler, cores);
            System.out.printf(
                    "floor (%s, %d at once%s): %d pages in %.1f s = %.0f pages/s; ingest %.0f pages/s is %.2fx it%n",
                    poppler ? "pdftotext" : "PDFBox text extraction", cores, poppler ? "" : ", after a warm-up pass",
                    pages, seconds, pages / seconds, ingestPagesPerSecond, ingestPagesPerSecond / (pages / seconds));
        }
    }

    /** Extracts the text of every file, {@code threads} at once; the seconds it took. */
    private static double extractAll(List<Path> files, boolean poppler, int threads) throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    extract(file, poppler);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static boolean pdftotextInstalled() {
        try {
            return new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start().waitFor() == 0;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void extract(Path file, boolean poppler) throws IOException, InterruptedException {
        if (poppler) {
            Process process = new ProcessBuilder("pdftotext", "-q", file.toString(), "-")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
            process.waitFor();
            return;
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            new PDFTextStripper().getText(pdf);
        }
        catch (IOException e) {
            // a damaged file costs what it costs; the parser fails it too
        }
    }

    static void main(List<String> args) {
        try {
            run(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println("local-stack benchmark: " + e.getMessage());
            System.exit(2);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (Exception e) {
            System.err.println("local-stack benchmark: " + e);
            System.exit(1);
        }
    }

}
