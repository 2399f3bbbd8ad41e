package org.edm.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.edm.testsupport.TestInfrastructure;

/**
 * The whole system started once per test JVM through the launcher: the four services run
 * as child processes from the jars the build made, on the JVM's shared real PostgreSQL
 * and Kafka. Parser timeouts are short so that fault tests finish quickly. Every request
 * carries the admin API key the launcher created on its first start
 * ({@code <data dir>/api-key}).
 */
final class SharedStack {

    private static SharedStack instance;

    final LocalStack stack;

    final URI ingest;

    final URI search;

    final URI parser;

    /** The web page for people. */
    final URI web;

    final URI parserManagement;

    final URI ingestManagement;

    final Path storageRoot;

    final Path dataDir;

    final String apiKey;

    private SharedStack(LocalStack stack, StackSettings settings, String apiKey) {
        this.stack = stack;
        String host = "http://" + settings.serviceHost() + ":";
        this.ingest = URI.create(host + settings.ingestPort());
        this.search = URI.create(host + settings.searchPort());
        this.parser = URI.create(host + settings.parserPort());
        this.web = URI.create(host + settings.webPort());
        this.parserManagement = URI.create(host + settings.parserManagementPort());
        this.ingestManagement = URI.create(host + settings.ingestManagementPort());
        this.storageRoot = settings.storageRoot();
        this.dataDir = settings.dataDir();
        this.apiKey = apiKey;
    }

    /**
     * The value of the Authorization header with the admin key the stack created on its
     * first start.
     */
    String authorization() {
        return "Bearer " + apiKey;
    }

    static synchronized SharedStack get() throws Exception {
        if (instance == null) {
            TestInfrastructure infrastructure = TestInfrastructure.shared();
            Path dataDir = Files.createTempDirectory("edm-system-test");
            int ingestPort = freePort();
            int searchPort = freePort();
            int parserPort = freePort();
            int webPort = freePort();
            var settings = new StackSettings(dataDir, 0, 0, ingestPort, searchPort, parserPort, "127.0.0.1", freePort(),
                    freePort(), freePort(), infrastructure.jdbcUrl(), infrastructure.username(),
                    infrastructure.password(), infrastructure.bootstrapServers(), null,
                    Path.of("..").toAbsolutePath().normalize(),
                    List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), true,
                    Map.of("edm.parser.stale-after", "6s", "edm.parser.sweep-interval", "2s", "edm.parser.timeout",
                            "20s", "edm.parser.max-pages", "5000", "edm.outbox.poll-interval", "200ms",
                            "edm.outbox.backoff.max", "2s", "edm.upload.max-size", "64MB",
                            // every test client shares the one admin key: keep the
                            // limiter, far above the load
                            "edm.security.rate-limit.uploads", "1000000", "edm.security.rate-limit.searches",
                            "1000000"),
                    webPort);
            var stack = new LocalStack(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-test-stack-stop"));
            stack.start();
            instance = new SharedStack(stack, settings,
                    Files.readString(dataDir.resolve(LocalStack.API_KEY_FILE)).strip());
        }
        return instance;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
