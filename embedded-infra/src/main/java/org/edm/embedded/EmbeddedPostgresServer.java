package org.edm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's binaries) inside this JVM's control, on a fixed port,
 * whose data directory survives a {@link #stop()} and {@link #start()}: for the local
 * stack across runs and for database-outage tests. User {@value #USER}, password
 * {@value #PASSWORD} (the server trusts local connections).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    public static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;

    private final int port;

    private final Map<String, String> serverConfig;

    private @Nullable EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, int port, Map<String, String> serverConfig) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.serverConfig = Map.copyOf(serverConfig);
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free one, then kept across restarts)
     * with the given server settings ({@code postgresql.conf} names), keeping data in
     * {@code dataDirectory}.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, Map<String, String> serverConfig)
            throws IOException {
        var server = new EmbeddedPostgresServer(dataDirectory, port == 0 ? freePort() : port, serverConfig);
        server.start();
        return server;
    }

    /** Starts the server again after {@link #stop()}; a no-op when it runs. */
    public synchronized void start() throws IOException {
        if (postgres != null) {
            return;
        }
        Files.createDirectories(dataDirectory);
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false);
        serverConfig.forEach(builder::setServerConfig);
        postgres = builder.start();
        log.info("PostgreSQL {} ready on port {} in {} ms (data in {})", serverVersion(), port,
                (System.nanoTime() - started) / 1_000_000, dataDirectory);
    }

    /**
     * Stops the server (open connections break); the data stays for the next
     * {@link #start()}.
     */
    public synchronized void stop() throws IOException {
        EmbeddedPostgres running = postgres;
        if (running != null) {
            running.close();
            postgres = null;
            log.info("PostgreSQL on port {} stopped", port);
        }
    }

    public boolean isRunning() {
        return postgres != null;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabaseIfMissing(String name) throws IOException {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        }
        catch (SQLException e) {
            throw new IOException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private String serverVersion() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
        catch (SQLException e) {
            return "?";
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

}
