package org.edm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.edm.embedded.EmbeddedKafkaBroker;
import org.edm.embedded.EmbeddedPostgresServer;

/**
 * The embedded flavour: a real PostgreSQL (zonky binaries, tuned for tests: no fsync) and
 * a real KRaft broker in this JVM, on free ports that stay fixed, with data in a
 * temporary directory removed at exit. Both can be stopped and started again, for outage
 * tests.
 */
final class EmbeddedInfrastructure {

    private EmbeddedInfrastructure() {
    }

    static final class Postgres implements TestInfrastructure.PostgresServer {

        private final Path dataDirectory;

        private final EmbeddedPostgresServer server;

        Postgres() {
            try {
                dataDirectory = Files.createTempDirectory("edm-test-postgres");
                server = EmbeddedPostgresServer.start(dataDirectory, 0, Map.of("max_connections", "400", "fsync", "off",
                        "synchronous_commit", "off", "full_page_writes", "off", "shared_buffers", "256MB"));
            }
            catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }

        @Override
        public String kind() {
            return "embedded";
        }

        @Override
        public String jdbcUrl(String database) {
            return server.jdbcUrl(database);
        }

        @Override
        public String username() {
            return EmbeddedPostgresServer.USER;
        }

        @Override
        public String password() {
            return EmbeddedPostgresServer.PASSWORD;
        }

        @Override
        public void pause() {
            try {
                server.stop();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void resume() {
            try {
                server.start();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            try {
                server.stop();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            finally {
                deleteRecursively(dataDirectory);
            }
        }

    }

    static final class Kafka implements TestInfrastructure.KafkaServer {

        private final Path dataDirectory;

        private final EmbeddedKafkaBroker broker;

        Kafka() {
            try {
                dataDirectory = Files.createTempDirectory("edm-test-kafka");
                broker = EmbeddedKafkaBroker.start(dataDirectory.resolve("log"), 0, 0);
            }
            catch (IOException e) {
                throw new UncheckedIOException("embedded Kafka did not start", e);
            }
        }

        @Override
        public String kind() {
            return "embedded";
        }

        @Override
        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        @Override
        public void pause() {
            broker.stop();
        }

        @Override
        public void resume() {
            try {
                broker.start();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            try {
                broker.stop();
            }
            finally {
                deleteRecursively(dataDirectory);
            }
        }

    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            // best effort: a temporary directory
        }
    }

}
