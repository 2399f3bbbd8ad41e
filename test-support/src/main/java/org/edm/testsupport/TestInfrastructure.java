package org.edm.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, shared by every test
 * class, with the {@code edm} database migrated by the project's own Flyway scripts.
 * <p>
 * Where a Docker engine answers, both run in Testcontainers; otherwise (as on the build
 * machines) they run embedded: zonky's PostgreSQL binaries and a KRaft broker (module
 * embedded-infra), both restartable for outage tests. The system property or environment
 * variable {@code EDM_TEST_INFRASTRUCTURE} ({@code auto}, {@code embedded},
 * {@code containers}) overrides the choice. The choice is printed once.
 */
public final class TestInfrastructure {

    /** Name of the migrated database that applications under test use. */
    public static final String DATABASE = "edm";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static final String MIGRATIONS = "org.edm.migrations.Migrations";

    private static final Object LOCK = new Object();

    private static volatile TestInfrastructure shared;

    private final PostgresServer postgres;

    private final KafkaServer kafka;

    private TestInfrastructure(PostgresServer postgres, KafkaServer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * The JVM's shared infrastructure, started and migrated on first use, stopped when
     * the JVM exits.
     */
    public static TestInfrastructure shared() {
        TestInfrastructure current = shared;
        if (current == null) {
            synchronized (LOCK) {
                current = shared;
                if (current == null) {
                    current = start();
                    shared = current;
                }
            }
        }
        return current;
    }

    private static TestInfrastructure start() {
        long started = System.nanoTime();
        boolean containers = useContainers();
        PostgresServer postgres = containers ? new ContainerPostgres() : new EmbeddedInfrastructure.Postgres();
        KafkaServer kafka = containers ? new ContainerKafka() : new EmbeddedInfrastructure.Kafka();
        var infrastructure = new TestInfrastructure(postgres, kafka);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "test-infrastructure-stop"));
        infrastructure.createDatabaseIfMissing(DATABASE);
        if (migrationsOnClasspath()) {
            infrastructure.migrate(infrastructure.jdbcUrl());
        }
        else {
            // only test-support's own tests: every module that tests against a schema has
            // org.edm:migrations
            log.info("org.edm:migrations is not on the classpath: database {} stays empty", DATABASE);
        }
        log.info("Test infrastructure ready in {} ms: {} PostgreSQL at {}, {} Kafka at {}",
                (System.nanoTime() - started) / 1_000_000, postgres.kind(), infrastructure.jdbcUrl(), kafka.kind(),
                kafka.bootstrapServers());
        System.out.printf("[test-infrastructure] %s PostgreSQL, %s Kafka (set EDM_TEST_INFRASTRUCTURE to choose)%n",
                postgres.kind(), kafka.kind());
        return infrastructure;
    }

    private static boolean useContainers() {
        String choice = System.getProperty("EDM_TEST_INFRASTRUCTURE", System.getenv("EDM_TEST_INFRASTRUCTURE"));
        choice = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "embedded" -> false;
            case "containers" -> true;
            case "auto" -> DockerProbe.dockerAvailable();
            default -> throw new IllegalStateException(
                    "EDM_TEST_INFRASTRUCTURE must be auto, embedded or containers, not " + choice);
        };
    }

    /** JDBC URL of the migrated {@value #DATABASE} database. */
    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    /**
     * JDBC URL of another database on the same server (see
     * {@link #createDatabase(String)}).
     */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String username() {
        return postgres.username();
    }

    public String password() {
        return postgres.password();
    }

    /** Kafka bootstrap servers, {@code host:port}. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * A plain, unpooled DataSource on the migrated database, for test set-up and
     * assertions.
     */
    public DataSource dataSource() {
        return dataSource(DATABASE);
    }

    /** A plain, unpooled DataSource on the named database. */
    public DataSource dataSource(String database) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser(username());
        dataSource.setPassword(password());
        return dataSource;
    }

    /**
     * Creates a new, empty database on the shared server (dropping an old one of that
     * name), for tests that need a schema of their own, such as migration tests. Returns
     * its JDBC URL.
     */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
        }
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute("CREATE DATABASE " + name);
        return jdbcUrl(name);
    }

    /**
     * Applies the project's migrations to the database at the given URL through
     * {@code org.edm.migrations.Migrations.upgrade(DataSource)}, the one Flyway
     * configuration that the migration tool and the local stack use too. The migrations
     * module is on the test classpath of every module that needs a schema; it is looked
     * up by name because its own tests use this module, so a dependency would be a cycle.
     */
    public void migrate(String jdbcUrl) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(username());
        dataSource.setPassword(password());
        try {
            Class.forName(MIGRATIONS).getMethod("upgrade", DataSource.class).invoke(null, dataSource);
        }
        catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("migrating " + jdbcUrl + " failed", e.getCause());
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "org.edm:migrations (test scope) must be on the classpath to migrate " + jdbcUrl, e);
        }
    }

    private static boolean migrationsOnClasspath() {
        try {
            Class.forName(MIGRATIONS);
            return true;
        }
        catch (ClassNotFoundException e) {
            return false;
        }
    }

    private void createDatabaseIfMissing(String name) {
        try (Connection connection = adminConnection();
                var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            if (!statement.executeQuery().next()) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("failed: " + sql, e);
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("postgres"), username(), password());
    }

    /**
     * Whether {@link #stopKafka()}, {@link #startKafka()}, {@link #stopPostgres()} and
     * {@link #startPostgres()} are available: with the embedded servers they are;
     * containers would come back on other ports.
     */
    public boolean supportsOutages() {
        return postgres.kind().equals("embedded") && kafka.kind().equals("embedded");
    }

    /**
     * Stops the Kafka broker, keeping its data and port, for outage tests. The caller
     * must start it again (in a finally block): the broker is shared by every test class
     * of the JVM.
     */
    public void stopKafka() {
        kafka.pause();
    }

    /**
     * Starts the broker again after {@link #stopKafka()}, on the same port with the same
     * data.
     */
    public void startKafka() {
        kafka.resume();
    }

    /** Stops PostgreSQL, keeping its data and port; see {@link #stopKafka()}. */
    public void stopPostgres() {
        postgres.pause();
    }

    /** Starts PostgreSQL again after {@link #stopPostgres()}. */
    public void startPostgres() {
        postgres.resume();
    }

    private void stop() {
        try {
            kafka.stop();
        }
        catch (RuntimeException e) {
            log.debug("Kafka stop", e);
        }
        try {
            postgres.stop();
        }
        catch (RuntimeException e) {
            log.debug("PostgreSQL stop", e);
        }
    }

    interface PostgresServer {

        String kind();

        String jdbcUrl(String database);

        String username();

        String password();

        void pause();

        void resume();

        void stop();

    }

    interface KafkaServer {

        String kind();

        String bootstrapServers();

        void pause();

        void resume();

        void stop();

    }

}
