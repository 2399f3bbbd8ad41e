package org.edm.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.edm.testsupport.RealInfrastructure;
import org.edm.testsupport.TestApiKeys;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on a random port against the JVM's real PostgreSQL and Kafka, with a
 * storage root of its own and a fast relay. Every integration test extends this class
 * unchanged, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "edm.upload.max-size=2MB", "edm.outbox.poll-interval=100ms", "edm.outbox.send-timeout=2s",
                "edm.outbox.backoff.initial=100ms", "edm.outbox.backoff.max=1s", "edm.kafka.health-timeout=1s",
                "spring.datasource.hikari.connection-timeout=2000", "logging.level.org.apache.pdfbox=ERROR",
                // the tests share one key: concurrency and burst tests upload more than a
                // client's default allowance
                "edm.security.rate-limit.uploads=100000" })
@RealInfrastructure
public abstract class IngestIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Path STORAGE_ROOT = createStorageRoot();

    /**
     * A key with every document scope, created once per JVM in the shared test database.
     */
    private static @Nullable String documentsKey;

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcClient jdbc;

    /** The API with a key that has every document scope. */
    protected IngestClient client;

    /**
     * The actuator endpoints on the management port (from localhost, so without a key).
     */
    protected IngestClient management;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("edm.storage.root", STORAGE_ROOT::toString);
    }

    @BeforeEach
    void client() {
        client = new IngestClient(port, documentsKey());
        management = new IngestClient(managementPort);
    }

    protected static synchronized String documentsKey() {
        if (documentsKey == null) {
            documentsKey = TestApiKeys.shared().documents();
        }
        return documentsKey;
    }

    protected static Path storageRoot() {
        return STORAGE_ROOT;
    }

    /** Every regular file under the storage root, staged ones included. */
    protected static List<Path> storedFiles() {
        try (Stream<Path> files = Files.walk(STORAGE_ROOT)) {
            return files.filter(Files::isRegularFile).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String uniqueTitle(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    protected long documentsTitled(String title) {
        return jdbc.sql("SELECT count(*) FROM documents WHERE title = :title")
            .param("title", title)
            .query(Long.class)
            .single();
    }

    protected long outboxRowsTitled(String title) {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE payload ->> 'title' = :title")
            .param("title", title)
            .query(Long.class)
            .single();
    }

    protected static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static Path createStorageRoot() {
        try {
            return Files.createTempDirectory("edm-ingest-test-storage");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
