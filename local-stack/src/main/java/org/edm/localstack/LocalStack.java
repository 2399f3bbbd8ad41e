package org.edm.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.edm.embedded.EmbeddedKafkaBroker;
import org.edm.embedded.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole system on one machine with only a JDK: embedded PostgreSQL and Kafka (unless external ones are
 * given), the Flyway migrations, then ingest-service, parser-worker and search-api as child processes. Stops
 * everything in reverse order on Ctrl-C; the data directory keeps the database, the broker's log and the stored
 * PDFs for the next start.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(3);

    private final StackSettings settings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(StackSettings.USAGE);
            return;
        }
        if (args.length > 0 && args[0].equals("watch")) {
            try {
                TopicWatcher.run(List.of(args).subList(1, args.length), System.getenv());
            } catch (IllegalArgumentException e) {
                System.err.println("local-stack: " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        StackSettings settings;
        try {
            settings = StackSettings.parse(args, System.getenv(), defaultServicesDir());
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        var stack = new LocalStack(settings);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            log.error("The local stack did not start: {}", e.getMessage());
            System.exit(1);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts every part in order and waits until each service reports healthy. */
    void start() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(settings.dataDir());
        if (settings.externalDbUrl() == null) {
            var postgres = EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"),
                    settings.postgresPort(), Map.of("max_connections", "200"));
            running.push(postgres);
            postgres.createDatabaseIfMissing("edm");
        } else {
            log.info("Using the external PostgreSQL at {}", settings.externalDbUrl());
        }
        migrate();
        if (settings.externalKafka() == null) {
            running.push(EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.kafkaPort() + 1));
        } else {
            log.info("Using the external Kafka at {}", settings.externalKafka());
        }
        if (settings.startServices()) {
            startServices();
        }
        if (settings.dropDir() != null) {
            var dropFolder = new DropFolder(settings.dropDir(), URI.create("http://localhost:" + settings.ingestPort()));
            running.push(dropFolder);
            dropFolder.start();
        }
        String services = !settings.startServices() ? "" : """
                  ingest-service  http://localhost:%d/api/documents    (OpenAPI: /v3/api-docs)
                  search-api      http://localhost:%d/api/search?q=... (OpenAPI: /v3/api-docs)
                  parser-worker   http://localhost:%d/actuator/health
                """.formatted(settings.ingestPort(), settings.searchPort(), settings.parserPort());
        log.info("""

                ==== Exchange Documentation Manager is running ({} s) ====
                {}  PostgreSQL      {}  (user {})
                  Kafka           {}
                  data            {}{}
                Ctrl-C stops everything; the next start continues on the same data.
                """, (System.nanoTime() - started) / 1_000_000_000, services, settings.jdbcUrl(), settings.dbUser(),
                settings.bootstrapServers(), settings.dataDir(),
                settings.dropDir() == null ? "" : "\n  drop folder     " + settings.dropDir());
    }

    private void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())
                .locations("classpath:db/migration")
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        var current = flyway.info().current();
        log.info("Schema at version {} ({} migration(s) applied now)",
                current == null ? "none" : current.getVersion(), applied);
    }

    private void startServices() throws Exception {
        Files.createDirectories(settings.storageRoot());
        for (String name : List.of("ingest-service", "parser-worker", "search-api")) {
            startService(name);
        }
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(SERVICE_START_TIMEOUT);
            log.info("{} is healthy on port {}", service.name(), service.port());
        }
    }

    private ServiceProcess startService(String name) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EDM_DB_URL", settings.jdbcUrl());
        environment.put("EDM_DB_USER", settings.dbUser());
        environment.put("EDM_DB_PASSWORD", settings.dbPassword());
        environment.put("EDM_KAFKA_BOOTSTRAP_SERVERS", settings.bootstrapServers());
        environment.put("EDM_STORAGE_ROOT", settings.storageRoot().toString());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", settings.jdbcUrl());
        properties.put("spring.datasource.username", settings.dbUser());
        properties.put("spring.datasource.password", settings.dbPassword());
        properties.put("spring.kafka.bootstrap-servers", settings.bootstrapServers());
        properties.put("edm.storage.root", settings.storageRoot().toString());
        properties.putAll(settings.serviceProperties());
        int port = switch (name) {
            case "ingest-service" -> settings.ingestPort();
            case "parser-worker" -> settings.parserPort();
            case "search-api" -> settings.searchPort();
            default -> throw new IllegalArgumentException("no service " + name);
        };
        ServiceProcess service = ServiceProcess.start(name, port, settings.servicesDir(), settings.javaOptions(),
                environment, properties);
        services.put(name, service);
        running.push(service);
        return service;
    }

    /** Kills a service at once, as a crash would (for fault tests). */
    void killService(String name) throws InterruptedException {
        ServiceProcess service = services.get(name);
        if (service != null) {
            service.kill();
        }
    }

    /** Starts a service that was killed or stopped, and waits until it is healthy. */
    void restartService(String name) throws Exception {
        ServiceProcess old = services.get(name);
        if (old != null) {
            old.close();
            running.remove(old);
        }
        startService(name).awaitHealthy(SERVICE_START_TIMEOUT);
        log.info("{} restarted", name);
    }

    /** Whether the named service's process is alive. */
    boolean isAlive(String name) {
        ServiceProcess service = services.get(name);
        return service != null && service.isAlive();
    }

    /** Stops what was started, newest first; safe to call more than once. */
    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** The project root, found from this jar's place: {@code <root>/local-stack/target/local-stack.jar}. */
    private static Path defaultServicesDir() {
        try {
            Path location = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = Files.isDirectory(location) ? location.getParent() : location.getParent();
            return target.getParent().getParent().toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".").toAbsolutePath().normalize();
        }
    }
}
