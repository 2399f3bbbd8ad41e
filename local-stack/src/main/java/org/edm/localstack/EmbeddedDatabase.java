package org.edm.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server (zonky's binaries) on a fixed port whose data directory survives restarts. */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .start();
        var database = new EmbeddedDatabase(postgres);
        database.createDatabaseIfMissing("edm");
        log.info("PostgreSQL {} ready on port {} in {} ms (data in {})", serverVersion(postgres), port,
                (System.nanoTime() - started) / 1_000_000, dataDirectory);
        return database;
    }

    private void createDatabaseIfMissing(String name) throws IOException {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "?";
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
