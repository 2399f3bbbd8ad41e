package org.edm.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller) on fixed ports, with its log directory kept
 * between runs. The storage is formatted once, on first start.
 */
final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final KafkaRaftServer server;

    private EmbeddedBroker(KafkaRaftServer server) {
        this.server = server;
    }

    static EmbeddedBroker start(Path logDirectory, int port) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(logDirectory);
        Properties properties = brokerProperties(logDirectory, port);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(logDirectory, properties);
        }
        var server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        log.info("Kafka broker ready on localhost:{} in {} ms (data in {})", port,
                (System.nanoTime() - started) / 1_000_000, logDirectory);
        return new EmbeddedBroker(server);
    }

    static Properties brokerProperties(Path logDirectory, int port) {
        int controllerPort = port + 1;
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
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    private static void format(Path logDirectory, Properties properties) throws IOException {
        Path config = logDirectory.resolveSibling(logDirectory.getFileName() + "-server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "embedded Kafka broker of the local stack");
        }
        var output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString(), "--standalone"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IOException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
        log.info("Formatted Kafka storage in {}", logDirectory);
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
