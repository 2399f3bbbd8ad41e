package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.edm.testsupport.SchemaVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The launcher as a user runs it, each run its own JVM
 * ({@code java -cp ... LocalStack ...}): {@code --help}, {@code --infrastructure-only}
 * (PostgreSQL, Kafka and the migrations, no service), {@code watch}, and a second start
 * on the same data directory, which finds what the first left (rows, Kafka records, the
 * API key).
 */
class LauncherSystemTest {

    @TempDir
    Path dataDir;

    @Test
    void helpNamesEveryCommandAndOption() throws Exception {
        Launched help = Launched.start(List.of("--help"));

        assertThat(help.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(help.process.exitValue()).isZero();
        assertThat(help.output()).contains("Usage: java -jar local-stack/target/local-stack.jar [options]")
            .contains("watch [--from-beginning]")
            .contains("--infrastructure-only")
            .contains("--drop-dir=DIR")
            .contains("--data-dir=DIR");
    }

    @Test
    void infrastructureOnlyRunsWatchShowsEventsAndASecondStartContinuesOnTheSameData() throws Exception {
        int postgresPort = freePort();
        int kafkaPort = freePort();
        int ingestPort = freePort();
        List<String> infrastructureOnly = List.of("--infrastructure-only", "--data-dir=" + dataDir,
                "--postgres-port=" + postgresPort, "--kafka-port=" + kafkaPort, "--ingest-port=" + ingestPort);
        String bootstrap = "localhost:" + kafkaPort;
        String topic = "edm-launcher-check";
        String marker = UUID.randomUUID().toString();

        // given: a first start with --infrastructure-only
        Launched first = Launched.start(infrastructureOnly);
        String apiKey;
        try {
            first.awaitOutput("is running", Duration.ofMinutes(3));

            // then: the schema is migrated to the newest shipped migration, Kafka takes
            // records, and no service runs
            JdbcClient jdbc = jdbc(postgresPort);
            assertThat(SchemaVersions.applied(jdbc)).containsAll(SchemaVersions.shipped());
            jdbc.sql("CREATE TABLE launcher_check (marker text)").update();
            jdbc.sql("INSERT INTO launcher_check VALUES (:marker)").param("marker", marker).update();
            assertThat(first.output()).doesNotContain("ingest-service  http");
            assertThat(listening(ingestPort)).as("no ingest-service on its port").isFalse();
            apiKey = Files.readString(dataDir.resolve("api-key"));

            // and: watch prints a record sent to the topic it watches, with its event
            // type
            Launched watch = Launched.start(List.of("watch", "--from-beginning", "--kafka=" + bootstrap, topic));
            try {
                send(bootstrap, topic, marker);
                watch.awaitOutput("key=" + marker + " type=DocumentUploaded", Duration.ofMinutes(1));
            }
            finally {
                watch.stop();
            }
        }
        finally {
            first.stop();
        }
        assertThat(first.process.exitValue()).as(first.output()).isIn(0, 143);

        // when: started again on the same data directory
        Launched second = Launched.start(infrastructureOnly);
        try {
            second.awaitOutput("is running", Duration.ofMinutes(3));

            // then: the rows, the Kafka record and the API key of the first run are
            // there; nothing was migrated again
            assertThat(second.output()).contains("(0 migration(s) applied now)");
            assertThat(jdbc(postgresPort).sql("SELECT marker FROM launcher_check").query(String.class).list())
                .containsExactly(marker);
            assertThat(Files.readString(dataDir.resolve("api-key"))).isEqualTo(apiKey);
            assertThat(readFromBeginning(bootstrap, topic)).contains(marker);
        }
        finally {
            second.stop();
        }
    }

    private static JdbcClient jdbc(int port) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://localhost:" + port + "/edm");
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return JdbcClient.create(dataSource);
    }

    private static void send(String bootstrap, String topic, String key) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            var record = new ProducerRecord<>(topic, key, "{\"type\":\"DocumentUploaded\"}");
            record.headers().add("edm-event-type", "DocumentUploaded".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> readFromBeginning(String bootstrap, String topic) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "launcher-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
                return !keys.isEmpty();
            });
            return keys;
        }
    }

    private static boolean listening(int port) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        }
        catch (ConnectException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The launcher's main class in a JVM of its own, on this test's class path, its
     * output collected.
     */
    private record Launched(Process process, List<String> lines) {

        static Launched start(List<String> args) throws IOException {
            List<String> command = new ArrayList<>(
                    List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
                            System.getProperty("java.class.path"), LocalStack.class.getName()));
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (var in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                }
                catch (IOException e) {
                    // the process ended
                }
            }, "launcher-output");
            reader.setDaemon(true);
            reader.start();
            return new Launched(process, lines);
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        void awaitOutput(String text, Duration timeout) {
            await().atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .failFast("the launcher ended:\n" + output(), () -> !process.isAlive())
                .until(() -> output().contains(text));
        }

        /**
         * SIGTERM, as Ctrl-C: the launcher's shutdown hook stops PostgreSQL and Kafka.
         */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

}
