package org.edm.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import org.edm.embedded.EmbeddedKafkaBroker;
import org.edm.embedded.EmbeddedPostgresServer;
import org.edm.migrations.Migrations;
import org.edm.migrations.keys.ApiKeys;
import org.edm.migrations.keys.CreatedKey;
import org.edm.migrations.roles.ServiceRole;
import org.edm.migrations.roles.ServiceRoleLogins;
import org.edm.security.Scopes;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole system on one machine with only a JDK: embedded PostgreSQL and Kafka
 * (unless external ones are given), the Flyway migrations, then ingest-service,
 * parser-worker, search-api and web as child processes. Stops everything in reverse order
 * on Ctrl-C; the data directory keeps the database, the broker's log and the stored PDFs
 * for the next start.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    // a shared 2-core machine under load has been seen to need more than 3 min to start a
    // service
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(8);

    /** The file that holds the admin API key the stack created on its first start. */
    static final String API_KEY_FILE = "api-key";

    /**
     * {@code edm.parser.consumer.instance-id} of a parser-worker process: its name,
     * unique in the stack and the same across restarts.
     */
    static final String PARSER_INSTANCE_ID_VARIABLE = "EDM_PARSER_CONSUMER_INSTANCE_ID";

    private static final String ADMIN_KEY_NAME = "local-stack-admin";

    private final StackSettings settings;

    /**
     * parser-worker processes in the one consumer group: the first on the parser ports,
     * the n-th 10(n-1) above.
     */
    private final int parserWorkers;

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private @Nullable StackSecrets secrets;

    private @Nullable EmbeddedPostgresServer postgres;

    private @Nullable EmbeddedKafkaBroker kafka;

    LocalStack(StackSettings settings) {
        this(settings, 1);
    }

    LocalStack(StackSettings settings, int parserWorkers) {
        if (parserWorkers < 1) {
            throw new IllegalArgumentException("--parser-workers must be at least 1: " + parserWorkers);
        }
        this.settings = settings;
        this.parserWorkers = parserWorkers;
    }

    /**
     * Takes {@code --parser-workers=N} (not a {@link StackSettings} option) out of the
     * arguments; 1 without it.
     */
    static int parserWorkers(List<String> args) {
        int workers = 1;
        for (var it = args.iterator(); it.hasNext();) {
            String arg = it.next();
            if (arg.startsWith("--parser-workers=")) {
                workers = Integer.parseInt(arg.substring("--parser-workers=".length()));
                it.remove();
            }
        }
        return workers;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("soak")) {
            FaultSoak.main(List.of(args).subList(1, args.length));
            return;
        }
        if (List.of(args).contains("--help")) {
            System.out.print(StackSettings.USAGE);
            return;
        }
        if (args.length > 0 && args[0].equals("benchmark")) {
            ThroughputBenchmark.main(List.of(args).subList(1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("watch")) {
            try {
                TopicWatcher.run(List.of(args).subList(1, args.length), System.getenv());
            }
            catch (IllegalArgumentException e) {
                System.err.println("local-stack: " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        StackSettings settings;
        int parserWorkers;
        try {
            List<String> rest = new ArrayList<>(List.of(args));
            parserWorkers = parserWorkers(rest);
            settings = StackSettings.parse(rest.toArray(String[]::new), System.getenv(), defaultServicesDir());
        }
        catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        var stack = new LocalStack(settings, parserWorkers);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
        }
        catch (Exception e) {
            log.error("The local stack did not start: {}", e.getMessage());
            System.exit(1);
        }
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts every part in order and waits until each service reports healthy. */
    void start() throws Exception {
        long started = System.nanoTime();
        ListeningPorts.requireFree(settings, parserWorkers);
        loadSecrets();
        if (settings.externalDbUrl() == null) {
            // listen_addresses: PostgreSQL (which trusts local connections) never leaves
            // this machine
            var postgres = EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"), settings.postgresPort(),
                    Map.of("max_connections", "200", "listen_addresses", "localhost"));
            running.push(postgres);
            postgres.createDatabaseIfMissing("edm");
            this.postgres = postgres;
        }
        else {
            log.info("Using the external PostgreSQL at {}", settings.externalDbUrl());
        }
        migrate();
        DataSource owner = ownerDataSource();
        enableServiceRoles(owner);
        Path apiKey = ensureAdminKey(owner);
        if (settings.externalKafka() == null) {
            var kafka = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.kafkaPort() + 1);
            running.push(kafka);
            this.kafka = kafka;
        }
        else {
            log.info("Using the external Kafka at {}", settings.externalKafka());
        }
        if (settings.startServices()) {
            startServices();
        }
        if (settings.dropDir() != null) {
            var dropFolder = new DropFolder(settings.dropDir(),
                    URI.create("http://" + settings.serviceHost() + ":" + settings.ingestPort()),
                    Files.readString(apiKey).strip());
            running.push(dropFolder);
            dropFolder.start();
        }
        String host = settings.serviceHost();
        String services = !settings.startServices() ? ""
                : """
                          Open            http://%s:%d/  and sign in with the API key below
                          ingest-service  http://%s:%d/api/documents    (OpenAPI: /v3/api-docs; Actuator on port %d)
                          search-api      http://%s:%d/api/search?q=... (OpenAPI: /v3/api-docs; Actuator on port %d)
                          parser-worker   http://%s:%d/readyz (Actuator on port %d)
                        """.formatted(host, settings.webPort(), host, settings.ingestPort(),
                        settings.ingestManagementPort(), host, settings.searchPort(), settings.searchManagementPort(),
                        host, settings.parserPort(), settings.parserManagementPort());
        log.info("""

                ==== Exchange Documentation Manager is running ({} s) ====
                {}  API key         {}  (send it as: Authorization: Bearer <key>)
                  PostgreSQL      {}  (services log in as edm_ingest, edm_parser, edm_search)
                  Kafka           {}
                  data            {}{}
                Ctrl-C stops everything; the next start continues on the same data.
                """, (System.nanoTime() - started) / 1_000_000_000, services, apiKey, settings.jdbcUrl(),
                settings.bootstrapServers(), settings.dataDir(),
                settings.dropDir() == null ? "" : "\n  drop folder     " + settings.dropDir());
    }

    private void migrate() {
        MigrateResult result = Migrations.upgrade(ownerDataSource());
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        log.info("Schema at version {} ({} migration(s) applied now)", version == null ? "none" : version,
                result.migrationsExecuted);
    }

    /**
     * Reads the generated secrets from the data directory, generating them on the first
     * start.
     */
    void loadSecrets() throws IOException {
        Files.createDirectories(settings.dataDir());
        secrets = StackSecrets.loadOrCreate(settings.dataDir());
    }

    /**
     * A DataSource on the stack's database as the schema owner (for the soak's
     * accounting).
     */
    DataSource ownerDataSource() {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(settings.jdbcUrl());
        dataSource.setUser(settings.dbUser());
        dataSource.setPassword(settings.dbPassword());
        return dataSource;
    }

    /**
     * Gives each service role LOGIN with the password kept in the data directory (again
     * on every start).
     */
    private void enableServiceRoles(DataSource owner) throws Exception {
        var logins = new ServiceRoleLogins(owner);
        for (ServiceRole role : ServiceRole.values()) {
            logins.enableLogin(role, secrets().password(role));
        }
    }

    /**
     * On the first start (no {@value #API_KEY_FILE} file in the data directory): creates
     * an API key with the admin scope and writes it, alone on one line, to that file with
     * mode 600. Keys an earlier stack created for a file that is gone are revoked. Logs
     * the path, never the key.
     */
    private Path ensureAdminKey(DataSource owner) throws IOException {
        Path file = settings.dataDir().resolve(API_KEY_FILE);
        if (Files.exists(file)) {
            return file;
        }
        var keys = new ApiKeys(owner);
        keys.list()
            .stream()
            .filter(key -> key.name().startsWith(ADMIN_KEY_NAME) && key.revokedAt() == null)
            .forEach(key -> keys.revoke(key.name()));
        CreatedKey created = keys.create(
                ADMIN_KEY_NAME + "-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()),
                List.of(Scopes.ADMIN));
        StackSecrets.writeOwnerOnly(file, writer -> writer.write(created.key() + "\n"));
        log.info("Created the API key {} (scope admin) and wrote it to {}", created.name(), file);
        return file;
    }

    private StackSecrets secrets() {
        StackSecrets loaded = secrets;
        if (loaded == null) {
            throw new IllegalStateException("the stack has not been started");
        }
        return loaded;
    }

    private void startServices() throws Exception {
        Files.createDirectories(settings.storageRoot());
        for (String name : List.of("ingest-service", "parser-worker", "search-api", "web")) {
            startService(name);
        }
        for (int worker = 2; worker <= parserWorkers; worker++) {
            ServiceLaunch launch = extraParserWorker(worker);
            ServiceProcess service = ServiceProcess.start(launch);
            services.put(launch.name(), service);
            running.push(service);
        }
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(SERVICE_START_TIMEOUT);
            log.info("{} is healthy on port {}", service.name(), service.port());
        }
    }

    private ServiceProcess startService(String name) throws IOException {
        ServiceProcess service = ServiceProcess.start(launch(name));
        services.put(name, service);
        running.push(service);
        return service;
    }

    /**
     * How the named service is started: settings that are no secret as command-line
     * properties (the bind address, ports, the caller's {@code --service-property}s), the
     * database role and its password, the cursor secret and every other setting through
     * the environment.
     */
    ServiceLaunch launch(String name) throws IOException {
        ServiceRole role;
        int port;
        int managementPort;
        switch (name) {
            case "ingest-service" -> {
                role = ServiceRole.INGEST;
                port = settings.ingestPort();
                managementPort = settings.ingestManagementPort();
            }
            case "parser-worker" -> {
                role = ServiceRole.PARSER;
                port = settings.parserPort();
                managementPort = settings.parserManagementPort();
            }
            case "search-api" -> {
                role = ServiceRole.SEARCH;
                port = settings.searchPort();
                managementPort = settings.searchManagementPort();
            }
            case "web" -> {
                return webLaunch();
            }
            default -> throw new IllegalArgumentException("no service " + name);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EDM_DB_URL", settings.serviceJdbcUrl());
        environment.put("EDM_DB_USER", role.roleName());
        environment.put("EDM_DB_PASSWORD", secrets().password(role));
        environment.put("EDM_KAFKA_BOOTSTRAP_SERVERS", settings.bootstrapServers());
        environment.put("EDM_STORAGE_ROOT", settings.storageRoot().toString());
        environment.put("EDM_MANAGEMENT_PORT", String.valueOf(managementPort));
        if (role == ServiceRole.PARSER) {
            // static group membership: a restarted worker takes its partitions back at
            // once
            environment.put(PARSER_INSTANCE_ID_VARIABLE, name);
        }
        if (role == ServiceRole.SEARCH) {
            environment.put("EDM_CURSOR_SECRET", secrets().cursorSecret());
            if (settings.externalDbUrl() == null) {
                // PostgreSQL shares this machine's cores: 20 clients searching on 2 cores
                // answered 85 searches/s with 4 connections, 71 with Hikari's 10
                // (docs/benchmarks.md)
                environment.put("EDM_SEARCH_DB_POOL_SIZE",
                        String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(port));
        properties.put("server.address", settings.bindAddress());
        properties.put("management.server.port", String.valueOf(managementPort));
        // the launcher waits on /readyz of the public port, which every service must
        // serve
        properties.put("management.endpoint.health.probes.enabled", "true");
        properties.put("management.endpoint.health.probes.add-additional-paths", "true");
        if (managementPort != port) {
            // Boot refuses a management address when Actuator shares the service's port
            // (parser-worker's default)
            properties.put("management.server.address", settings.bindAddress());
        }
        properties.putAll(settings.serviceProperties());
        List<String> command = ServiceProcess.command(name, settings.servicesDir(), settings.javaOptions(), properties);
        URI readiness = URI.create("http://" + settings.serviceHost() + ":" + port + "/readyz");
        return new ServiceLaunch(name, port, command, environment, readiness);
    }

    /**
     * The n-th parser-worker process (n >= 2): the first one's launch on ports 10(n-1)
     * above its own, named {@code parser-worker-<n>}; its Kafka consumers' client ids and
     * static member names carry the name too.
     */
    ServiceLaunch extraParserWorker(int worker) throws IOException {
        ServiceLaunch first = launch("parser-worker");
        int offset = 10 * (worker - 1);
        int port = settings.parserPort() + offset;
        int managementPort = settings.parserManagementPort() + offset;
        String name = "parser-worker-" + worker;
        Map<String, String> environment = new LinkedHashMap<>(first.environment());
        environment.put("EDM_MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put(PARSER_INSTANCE_ID_VARIABLE, name);
        Map<String, String> overrides = Map.of("server.port", String.valueOf(port), "management.server.port",
                String.valueOf(managementPort), "spring.kafka.consumer.client-id", name);
        List<String> command = new ArrayList<>(first.command());
        command
            .removeIf(argument -> overrides.keySet().stream().anyMatch(key -> argument.startsWith("--" + key + "=")));
        overrides.forEach((key, value) -> command.add("--" + key + "=" + value));
        URI readiness = URI.create("http://" + settings.serviceHost() + ":" + port + "/readyz");
        return new ServiceLaunch(name, port, command, environment, readiness);
    }

    /**
     * The web page for people: no database, no Kafka, no secret of its own; it calls the
     * two APIs on this machine with the key of whoever signs in.
     */
    private ServiceLaunch webLaunch() throws IOException {
        String host = "http://" + settings.serviceHost() + ":";
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EDM_INGEST_URL", host + settings.ingestPort());
        environment.put("EDM_SEARCH_URL", host + settings.searchPort());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(settings.webPort()));
        properties.put("server.address", settings.bindAddress());
        List<String> command = ServiceProcess.command("web", settings.servicesDir(), settings.javaOptions(),
                properties);
        URI readiness = URI.create(host + settings.webPort() + "/readyz");
        return new ServiceLaunch("web", settings.webPort(), command, environment, readiness);
    }

    /**
     * The process id of the named service (for tests that read its command line as
     * {@code ps} shows it).
     */
    long pid(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no running service " + name);
        }
        return service.pid();
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

    /**
     * Stops the embedded PostgreSQL (open connections break); its data stays for
     * {@link #startPostgres()}.
     */
    void stopPostgres() throws IOException {
        embeddedPostgres().stop();
    }

    /** Starts the embedded PostgreSQL again on the same port and data. */
    void startPostgres() throws IOException {
        embeddedPostgres().start();
    }

    /** Stops the embedded Kafka broker; its log stays for {@link #startKafka()}. */
    void stopKafka() {
        embeddedKafka().stop();
    }

    /** Starts the embedded Kafka broker again on the same ports and log. */
    void startKafka() throws IOException {
        embeddedKafka().start();
    }

    private EmbeddedPostgresServer embeddedPostgres() {
        EmbeddedPostgresServer server = postgres;
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is not embedded in this stack");
        }
        return server;
    }

    private EmbeddedKafkaBroker embeddedKafka() {
        EmbeddedKafkaBroker broker = kafka;
        if (broker == null) {
            throw new IllegalStateException("Kafka is not embedded in this stack");
        }
        return broker;
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
            }
            catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /**
     * The project root, found from this jar's place:
     * {@code <root>/local-stack/target/local-stack.jar}.
     */
    static Path defaultServicesDir() {
        try {
            Path location = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = Files.isDirectory(location) ? location.getParent() : location.getParent();
            return target.getParent().getParent().toAbsolutePath().normalize();
        }
        catch (URISyntaxException | RuntimeException e) {
            return Path.of(".").toAbsolutePath().normalize();
        }
    }

}
