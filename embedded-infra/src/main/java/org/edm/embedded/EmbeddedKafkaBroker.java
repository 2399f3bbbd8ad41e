package org.edm.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller) inside this JVM, on
 * fixed ports, with its log directory kept between starts: it can be stopped and started
 * again on the same port and data, which is what the local stack needs across runs and
 * what fault tests need for a broker outage. The storage is formatted once.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path logDirectory;

    private final int port;

    private final int controllerPort;

    private final Map<String, String> overrides;

    private @Nullable KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDirectory, int port, int controllerPort, Map<String, String> overrides) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * Starts a broker on {@code port} (clients) and {@code controllerPort} (KRaft
     * controller); port 0 picks free ports, which then stay fixed across {@link #stop()}
     * and {@link #start()}.
     */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port, int controllerPort) throws IOException {
        return start(logDirectory, port, controllerPort, Map.of());
    }

    /**
     * As {@link #start(Path, int, int)}, with broker properties that replace the
     * defaults, e.g. {@code auto.create.topics.enable=false} for a broker configured like
     * a production one.
     */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port, int controllerPort,
            Map<String, String> overrides) throws IOException {
        var broker = new EmbeddedKafkaBroker(logDirectory, port == 0 ? freePort() : port,
                controllerPort == 0 ? freePort() : controllerPort, overrides);
        broker.start();
        return broker;
    }

    /** Starts the broker again after {@link #stop()}; a no-op when it runs. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        Files.createDirectories(logDirectory);
        Properties properties = brokerProperties();
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(properties);
        }
        var raftServer = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        log.info("Kafka broker ready on localhost:{} in {} ms (data in {})", port,
                (System.nanoTime() - started) / 1_000_000, logDirectory);
    }

    /** Stops the broker; its data stays for the next {@link #start()}. */
    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running != null) {
            running.shutdown();
            running.awaitShutdown();
            server = null;
            log.info("Kafka broker on localhost:{} stopped", port);
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    /** {@code localhost:<port>}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    private Properties brokerProperties() {
        var properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());
        properties.put("num.partitions", "3");
        properties.put("auto.create.topics.enable", "true");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "10");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.putAll(overrides);
        return properties;
    }

    private void format(Properties properties) throws IOException {
        Path config = logDirectory.resolveSibling(logDirectory.getFileName() + "-server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "embedded Kafka broker");
        }
        var output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(
                new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone" },
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IOException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
        log.info("Formatted Kafka storage in {}", logDirectory);
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
    public void close() {
        stop();
    }

}
