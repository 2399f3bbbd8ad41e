package org.edm.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar local-stack/target/local-stack.jar soak --dir=DIR [options]}: the long
 * load variant with faults (issue 12). Starts a stack of its own (embedded PostgreSQL and
 * Kafka, the four services as child processes, on free ports, in a new data directory),
 * uploads the PDFs of the folders through the HTTP API from N clients (again under new
 * version labels until {@code --uploads}), and meanwhile, spread over the uploads
 * ({@link FaultSchedule}), kills parser-worker with SIGKILL, stops Kafka and stops
 * PostgreSQL, each restarted after {@code --outage}. Then it waits until every accepted
 * document is final and the outbox is empty, and accounts from the database and the
 * topics ({@link SoakAccounting}, {@link TopicTally}). Exit code 0 only when nothing is
 * lost, duplicated or left in the outbox. Not a test: it takes tens of minutes.
 */
final class FaultSoak {

    static final String USAGE = """
            java -jar local-stack/target/local-stack.jar soak --dir=DIR [--dir=DIR...] [options]
              --uploads=N          uploads in all (the folders' PDFs again under new versions)  default 1000
              --clients=N          concurrent uploading clients                                 default 16
              --faults=SPEC        kind:count,... of parser-kill, kafka-stop, postgres-stop
                                   (spread evenly over the uploads)      default parser-kill:2,kafka-stop:1,postgres-stop:1
              --outage=DURATION    time before a killed or stopped part is started again (ISO-8601 or 15s, 2m)  default 15s
              --timeout=DURATION   give up waiting for final documents this long after the last upload  default 2h
              --data-dir=DIR       the stack's data (kept afterwards for inspection)            default: a new temp directory
              --java-opts="..."    JVM options of each service                                 default -Xmx768m
              --service-property=K=V  a Spring property for every service (repeatable; wins over the soak's own)
            Exit code: 0 when nothing is lost, duplicated or held in the outbox; 1 otherwise; 2 for bad arguments.
            """;

    /**
     * The soak's settings for the services: no rate limit for the one key, and short
     * recovery timers so that a fault's recovery is seen within the run (stale claims
     * after 1 min, pending documents announced again after 2 min). OCR is off: its result
     * is bounded by time, so it depends on the machine's load, and the accounting
     * compares the copies of each file.
     */
    static final Map<String, String> SERVICE_PROPERTIES = Map.of("edm.security.rate-limit.uploads", "100000000",
            "edm.security.rate-limit.searches", "100000000", "edm.parser.ocr.enabled", "false",
            "edm.parser.stale-after", "1m", "edm.parser.sweep-interval", "15s", "edm.pending-recovery.after", "2m",
            "edm.pending-recovery.interval", "15s");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration UPLOAD_GIVE_UP = Duration.ofMinutes(10);

    record Options(List<Path> dirs, int uploads, int clients, String faults, Duration outage, Duration timeout,
            Path dataDir, List<String> javaOptions, Map<String, String> serviceProperties) {
    }

    /** One file to upload under a version label of this run. */
    private record Job(int index, Path file, String title, String version) {
    }

    /** A fault as it happened. */
    private record FaultRun(FaultSchedule.Fault fault, int acceptedBefore, Instant started, Instant recovered,
            String error) {
    }

    private final Options options;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private final List<UUID> accepted = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger acceptedCount = new AtomicInteger();

    private final List<String> rejected = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger retries = new AtomicInteger();

    private final CountDownLatch uploadsEnded = new CountDownLatch(1);

    private final List<Double> loads = Collections.synchronizedList(new ArrayList<>());

    private FaultSoak(Options options) {
        this.options = options;
    }

    static void main(List<String> args) {
        if (args.contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        int exit;
        try {
            exit = new FaultSoak(parse(args)).run();
        }
        catch (IllegalArgumentException e) {
            System.err.println("local-stack soak: " + e.getMessage());
            exit = 2;
        }
        catch (Exception e) {
            System.err.println("local-stack soak: " + e);
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    static Options parse(List<String> args) throws IOException {
        List<Path> dirs = new ArrayList<>();
        int uploads = 1000;
        int clients = 16;
        String faults = "parser-kill:2,kafka-stop:1,postgres-stop:1";
        Duration outage = Duration.ofSeconds(15);
        Duration timeout = Duration.ofHours(2);
        Path dataDir = null;
        String javaOptions = "-Xmx768m";
        Map<String, String> properties = new LinkedHashMap<>(SERVICE_PROPERTIES);
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--dir" -> dirs.add(Path.of(value));
                case "--uploads" -> uploads = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--faults" -> faults = value;
                case "--outage" -> outage = duration(value);
                case "--timeout" -> timeout = duration(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--java-opts" -> javaOptions = value;
                case "--service-property" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--service-property needs key=value, not " + value);
                    }
                    properties.put(value.substring(0, eq), value.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        if (dirs.isEmpty() || uploads < 1 || clients < 1) {
            throw new IllegalArgumentException("give at least one --dir, --uploads >= 1, --clients >= 1\n" + USAGE);
        }
        FaultSchedule.plan(faults, uploads); // fails early on a bad spec
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("edm-soak-");
        }
        List<String> jvm = Stream.of(javaOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
        return new Options(List.copyOf(dirs), uploads, clients, faults, outage, timeout,
                dataDir.toAbsolutePath().normalize(), jvm, Map.copyOf(properties));
    }

    /** {@code 15s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT15S}). */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.parse(text);
            };
        }
        catch (RuntimeException e) {
            try {
                return Duration.parse(text);
            }
            catch (RuntimeException again) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
        }
    }

    private int run() throws Exception {
        List<Job> jobs = jobs(options.dirs(), options.uploads(), run);
        FaultSchedule schedule = FaultSchedule.plan(options.faults(), jobs.size());
        StackSettings settings = settings();
        var stack = new LocalStack(settings);
        Thread stop = new Thread(stack::close, "soak-stack-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            stack.start();
            String key = Files.readString(settings.dataDir().resolve(LocalStack.API_KEY_FILE)).strip();
            URI ingest = URI.create("http://" + settings.serviceHost() + ":" + settings.ingestPort());
            System.out.printf(
                    "%nsoak %s: %d uploads of %d files from %s, %d clients, faults %s, outage %s, "
                            + "data %s, load average %s%n",
                    run, jobs.size(), jobs.stream().map(Job::file).distinct().count(), options.dirs(),
                    options.clients(), schedule.describe(), options.outage(), options.dataDir(), loadAverage());

            var sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "soak-load-sampler");
                thread.setDaemon(true);
                return thread;
            });
            sampler.scheduleAtFixedRate(() -> loads.add(loadAverage()), 0, 15, TimeUnit.SECONDS);
            Instant firstUpload = Instant.now();
            List<FaultRun> faults = Collections.synchronizedList(new ArrayList<>());
            Thread faulter = new Thread(() -> injectFaults(stack, schedule, faults, firstUpload), "soak-faults");
            faulter.start();
            uploadAll(jobs, ingest, key);
            Instant lastUpload = Instant.now();
            uploadsEnded.countDown();
            System.out.printf("uploads ended after %s: %d accepted, %d rejected, %d retried requests%n",
                    seconds(firstUpload, lastUpload), accepted.size(), rejected.size(), retries.get());
            faulter.join();

            var accounting = new SoakAccounting(stack.ownerDataSource());
            List<UUID> ids = List.copyOf(accepted);
            Instant allFinal = awaitFinal(accounting, ids, lastUpload.plus(options.timeout()), firstUpload);
            sampler.shutdownNow();
            TopicTally events = TopicTally.read(settings.bootstrapServers());
            SoakAccounting.Report report = SoakAccounting.report(ids, accounting.documents(ids), events,
                    accounting.outbox());

            System.out.printf("%n==== fault soak %s ====%n", run);
            System.out.printf("uploads: %d of %d files, %d clients; upload window %s; rejected %d%s%n", jobs.size(),
                    jobs.stream().map(Job::file).distinct().count(), options.clients(),
                    seconds(firstUpload, lastUpload), rejected.size(),
                    rejected.isEmpty() ? "" : " " + rejected.subList(0, Math.min(5, rejected.size())));
            for (FaultRun fault : faults) {
                System.out.printf("fault %-13s after %4d accepted: at +%s, recovered at +%s%s%n", fault.fault().label,
                        fault.acceptedBefore(), seconds(firstUpload, fault.started()),
                        seconds(firstUpload, fault.recovered()), fault.error().isEmpty() ? "" : " " + fault.error());
            }
            System.out.print(report.format());
            System.out.printf("time: %s from the first upload to %s%n", seconds(firstUpload, allFinal),
                    report.notFinal().isEmpty() && report.missing().isEmpty() ? "the last final document"
                            : "giving up");
            synchronized (loads) {
                System.out.printf("load average (1 min) during the run: min %.1f, mean %.1f, max %.1f%n",
                        loads.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        loads.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                        loads.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            }
            System.out.println("exit code " + report.exitCode() + "; data kept in " + options.dataDir());
            return report.exitCode();
        }
        finally {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stop);
        }
    }

    private StackSettings settings() {
        int kafkaPort = freePortPair();
        return new StackSettings(options.dataDir(), freePort(), kafkaPort, freePort(), freePort(), freePort(),
                "127.0.0.1", freePort(), freePort(), freePort(), null, "postgres", "postgres", null, null,
                LocalStack.defaultServicesDir(), options.javaOptions(), true, options.serviceProperties(), freePort());
    }

    /**
     * The folders' PDFs, again under version {@code soak-<run>-<copy>} until
     * {@code uploads}.
     */
    private static List<Job> jobs(List<Path> dirs, int uploads, String run) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no PDF in " + dirs);
        }
        List<Job> jobs = new ArrayList<>();
        for (int copy = 1; jobs.size() < uploads; copy++) {
            for (Path file : files) {
                if (jobs.size() == uploads) {
                    break;
                }
                String name = file.getFileName().toString();
                jobs.add(new Job(jobs.size(), file, name.substring(0, name.length() - 4), "soak-" + run + "-" + copy));
            }
        }
        return jobs;
    }

    private void uploadAll(List<Job> jobs, URI ingest, String key) throws Exception {
        ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>(jobs);
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < options.clients(); i++) {
                futures.add(pool.submit(() -> {
                    for (Job job; (job = queue.poll()) != null;) {
                        upload(job, ingest, key);
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
    }

    /**
     * Uploads one file with an {@code Idempotency-Key}, retrying through outages
     * (connection errors, 5xx, 429) for up to {@link #UPLOAD_GIVE_UP}: a retry of a
     * request whose answer was lost returns the first document.
     */
    private void upload(Job job, URI ingest, String key) throws IOException, InterruptedException {
        UploadForm form = new UploadForm(job.title(), job.version(), null);
        HttpRequest post = HttpRequest.newBuilder(ingest.resolve("/api/documents"))
            .header("Authorization", "Bearer " + key)
            .header("Idempotency-Key", "soak-" + run + "-" + job.index())
            .header("Content-Type", form.contentType())
            .timeout(Duration.ofMinutes(2))
            .POST(form.withFile(job.file()))
            .build();
        long giveUp = System.nanoTime() + UPLOAD_GIVE_UP.toNanos();
        long backoffMillis = 500;
        String last;
        while (true) {
            long wait;
            try {
                HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202 || status == 200) {
                    accepted.add(UUID.fromString(JSON.readTree(response.body()).path("id").asString()));
                    acceptedCount.incrementAndGet();
                    return;
                }
                last = status + " " + response.body().replaceAll("\\s+", " ");
                if (status != 429 && status < 500) {
                    rejected.add(job.file().getFileName() + ": " + last);
                    return;
                }
                wait = response.headers().firstValueAsLong("Retry-After").orElse(0) * 1000;
            }
            catch (IOException e) {
                last = e.toString();
                wait = 0;
            }
            if (System.nanoTime() > giveUp) {
                rejected.add(job.file().getFileName() + ": gave up after " + UPLOAD_GIVE_UP + ": " + last);
                return;
            }
            retries.incrementAndGet();
            // back-off between retries of an outage
            Thread.sleep(Math.max(wait, backoffMillis));
            backoffMillis = Math.min(backoffMillis * 2, 8_000);
        }
    }

    /**
     * Fires each fault once its share of uploads was accepted (or at once when the
     * uploads ended).
     */
    private void injectFaults(LocalStack stack, FaultSchedule schedule, List<FaultRun> runs, Instant firstUpload) {
        for (FaultSchedule.ScheduledFault planned : schedule.faults()) {
            try {
                while (acceptedCount.get() < planned.afterUploads() && uploadsEnded.getCount() > 0) {
                    uploadsEnded.await(200, TimeUnit.MILLISECONDS);
                }
                int before = acceptedCount.get();
                Instant started = Instant.now();
                System.out.printf("soak: FAULT %s after %d accepted uploads (+%s)%n", planned.fault().label, before,
                        seconds(firstUpload, started));
                String error = "";
                try {
                    inject(stack, planned.fault());
                }
                catch (Exception e) {
                    error = "(recovery failed: " + e + ")";
                    System.out.println("soak: " + error);
                }
                Instant recovered = Instant.now();
                System.out.printf("soak: %s recovered (+%s)%n", planned.fault().label, seconds(firstUpload, recovered));
                runs.add(new FaultRun(planned.fault(), before, started, recovered, error));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void inject(LocalStack stack, FaultSchedule.Fault fault) throws Exception {
        switch (fault) {
            case PARSER_KILL -> {
                stack.killService("parser-worker");
                Thread.sleep(options.outage().toMillis()); // the outage is the point
                stack.restartService("parser-worker");
            }
            case KAFKA_STOP -> {
                stack.stopKafka();
                try {
                    Thread.sleep(options.outage().toMillis());
                }
                finally {
                    stack.startKafka();
                }
            }
            case POSTGRES_STOP -> {
                stack.stopPostgres();
                try {
                    Thread.sleep(options.outage().toMillis());
                }
                finally {
                    stack.startPostgres();
                }
            }
        }
    }

    /**
     * Polls the database until every accepted document is final and the outbox has sent
     * everything, or until {@code giveUp}; prints progress every 30 s. Returns when that
     * was seen.
     */
    private Instant awaitFinal(SoakAccounting accounting, List<UUID> ids, Instant giveUp, Instant firstUpload)
            throws InterruptedException {
        long lastPrint = 0;
        while (Instant.now().isBefore(giveUp)) {
            try {
                long finals = accounting.finalCount(ids);
                SoakAccounting.Outbox outbox = accounting.outbox();
                if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                    lastPrint = System.nanoTime();
                    double load = loadAverage();
                    System.out.printf("soak: +%s %d of %d final, outbox %d unpublished %d parked, load %.1f%n",
                            seconds(firstUpload, Instant.now()), finals, ids.size(), outbox.unpublished(),
                            outbox.parked(), load);
                }
                if (finals == ids.size() && outbox.unpublished() == 0) {
                    return Instant.now();
                }
            }
            catch (RuntimeException e) {
                System.out.println("soak: database not readable: " + e.getMessage());
            }
            Thread.sleep(2_000); // polling interval
        }
        return Instant.now();
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String seconds(Instant from, Instant to) {
        return String.format(Locale.ROOT, "%.0f s", Duration.between(from, to).toMillis() / 1000.0);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** A free port whose next port is free too (Kafka's controller listens there). */
    private static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port < 65535) {
                try (var next = new ServerSocket(port + 1)) {
                    return next.getLocalPort() - 1;
                }
                catch (IOException e) {
                    // taken: try another
                }
            }
        }
        throw new IllegalStateException("no two free ports in a row");
    }

}
