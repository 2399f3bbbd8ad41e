package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.Topics;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scale-out on one Kafka and one PostgreSQL: ingest-service and TWO parser-worker
 * processes, all storing and reading PDFs in an S3-compatible object store (s3proxy),
 * none sharing a directory. Its own stack (embedded PostgreSQL and Kafka in a temporary
 * data directory, started by the launcher), so that no other test's services take part in
 * the consumer group or relay its outbox rows.
 */
class ScaleOutSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private static final int DOCUMENTS = 16;

    private static S3ProxyServer s3;

    private static LocalStack stack;

    private static StackSettings settings;

    private static String apiKey;

    private static final List<ServiceProcess> services = new ArrayList<>();

    private static final Map<String, Integer> parserManagementPorts = new LinkedHashMap<>();

    private static URI ingest;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheStack() throws Exception {
        s3 = S3ProxyServer.start("edm-scale-out");
        Path dataDir = Files.createTempDirectory("edm-scale-out");
        settings = new StackSettings(dataDir, freePort(), freePort(), freePort(), freePort(), freePort(), "127.0.0.1",
                freePort(), freePort(), freePort(), null, "postgres", "postgres", null, null,
                Path.of("..").toAbsolutePath().normalize(),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), false,
                Map.of("edm.storage.type", "s3", "edm.storage.s3.bucket", s3.bucket(), "edm.storage.s3.prefix",
                        "documents", "edm.storage.s3.endpoint", s3.endpoint().toString(), "edm.storage.s3.path-style",
                        "true", "edm.outbox.poll-interval", "200ms", "edm.parser.consumer.concurrency", "2",
                        "edm.security.rate-limit.uploads", "1000000"),
                freePort());
        stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(ScaleOutSystemTest::stopAll, "scale-out-stop"));
        stack.start(); // PostgreSQL, migrations, roles, API key, Kafka; no services
        apiKey = Files.readString(dataDir.resolve(LocalStack.API_KEY_FILE)).strip();
        ingest = URI.create("http://127.0.0.1:" + settings.ingestPort());

        // the services get the object store's credentials through the environment, as the
        // SDK's default chain reads
        Map<String, String> credentials = Map.of("AWS_ACCESS_KEY_ID", s3.accessKey(), "AWS_SECRET_ACCESS_KEY",
                s3.secretKey(), "AWS_REGION", "us-east-1");
        services.add(ServiceProcess
            .start(withEnvironment("ingest-service", stack.launch("ingest-service"), credentials, Map.of())));
        for (String name : List.of("parser-worker-1", "parser-worker-2")) {
            int port = freePort();
            int management = freePort();
            parserManagementPorts.put(name, management);
            ServiceLaunch base = stack.launch("parser-worker");
            services.add(ServiceProcess.start(withEnvironment(name, base,
                    Map.of("AWS_ACCESS_KEY_ID", s3.accessKey(), "AWS_SECRET_ACCESS_KEY", s3.secretKey(),
                            "EDM_MANAGEMENT_PORT", String.valueOf(management), LocalStack.PARSER_INSTANCE_ID_VARIABLE,
                            name),
                    Map.of("server.port", String.valueOf(port), "management.server.port", String.valueOf(management),
                            // the consumers' client ids tell the two processes apart in
                            // the group
                            "spring.kafka.consumer.client-id", name))));
        }
        for (ServiceProcess service : services) {
            service.awaitHealthy(START_TIMEOUT);
        }
    }

    @AfterAll
    static void stopTheStack() {
        stopAll();
    }

    @Test
    void twoWorkersShareThePartitionsAndParseEveryDocumentOnceFromTheObjectStore() throws Exception {
        // given: both workers hold partitions of documents.uploaded in the one consumer
        // group
        await().atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> membersHoldingUploadedPartitions() == 2);

        try (var events = KafkaTopicReader.atEndOn(settings.bootstrapServers(), Topics.DOCUMENTS_PROCESSED)) {
            // when: documents are uploaded through ingest-service, which stores them in
            // the bucket
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                String title = "Scale-out " + i + " " + UUID.randomUUID();
                ids.add(upload(TestPdfs.specification(title, 3, 1), title));
            }

            // then: every document ends done, parsed from the object store
            await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> statuses(ids).values().stream().allMatch(s -> s.equals("done") || s.equals("failed")));
            assertThat(statuses(ids)).as("final statuses")
                .allSatisfy((id, status) -> assertThat(status).isEqualTo("done"));
            for (String id : ids) {
                assertThat(s3.objectFile("documents/" + fileKey(id))).exists();
            }

            // and: exactly one DocumentProcessed per document, and one set of sections
            // each
            events.pollUntil(
                    received -> received.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids),
                    Duration.ofMinutes(1));
            // then a quiet while, in which a second parse would be announced too; drain
            // returns every record
            List<ConsumerRecord<String, String>> processed = events.drain(Duration.ofSeconds(3));
            Map<String, Long> perDocument = processed.stream()
                .filter(r -> ids.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perDocument).hasSize(DOCUMENTS).allSatisfy((id, count) -> assertThat(count).isOne());
            assertThat(duplicatedSections(ids)).isZero();

            // and: both workers parsed some of them, together each once
            Map<String, Double> parsedBy = new HashMap<>();
            for (var worker : parserManagementPorts.entrySet()) {
                parsedBy.put(worker.getKey(), documentsDone(worker.getValue()));
            }
            assertThat(parsedBy.values()).as("documents done per worker: %s", parsedBy).allMatch(n -> n > 0);
            assertThat(parsedBy.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(DOCUMENTS);
        }
    }

    private String upload(byte[] pdf, String title) throws IOException, InterruptedException {
        String boundary = "edm-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n" + "--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"spec.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(ingest.resolve("/api/documents"))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .timeout(Duration.ofMinutes(1))
            .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                    HttpRequest.BodyPublishers.ofByteArray(pdf),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    /**
     * Members of the parser's consumer group that hold at least one partition of
     * documents.uploaded.
     */
    private static long membersHoldingUploadedPartitions() throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            var group = admin.describeConsumerGroups(List.of("parser-worker"))
                .all()
                .get(10, TimeUnit.SECONDS)
                .get("parser-worker");
            Map<String, Set<String>> consumersByProcess = new HashMap<>();
            for (MemberDescription member : group.members()) {
                if (member.assignment()
                    .topicPartitions()
                    .stream()
                    .anyMatch(tp -> tp.topic().equals(Topics.DOCUMENTS_UPLOADED))) {
                    // a process runs several consumers, client ids <process name>-<n>:
                    // count the processes
                    consumersByProcess
                        .computeIfAbsent(member.clientId().replaceAll("-\\d+$", ""), process -> new HashSet<>())
                        .add(member.consumerId());
                }
            }
            return consumersByProcess.size();
        }
    }

    private Map<String, String> statuses(List<String> ids) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection connection = database();
                var statement = connection
                    .prepareStatement("SELECT id::text, processing_status FROM documents WHERE id = ANY (?::uuid[])")) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return statuses;
    }

    private String fileKey(String id) throws SQLException {
        try (Connection connection = database();
                var statement = connection.prepareStatement("SELECT file_path FROM documents WHERE id = ?::uuid")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /**
     * Sections whose (document, order_index) occurs more than once: a second parse would
     * add them.
     */
    private long duplicatedSections(List<String> ids) throws SQLException {
        try (Connection connection = database(); var statement = connection.prepareStatement("""
                SELECT count(*) - count(DISTINCT (document_id, order_index)) FROM sections
                 WHERE document_id = ANY (?::uuid[])""")) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The worker's count of documents it finished {@code done} (Actuator, asked from
     * loopback).
     */
    private double documentsDone(int managementPort) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest
            .newBuilder(URI.create(
                    "http://127.0.0.1:" + managementPort + "/actuator/metrics/edm.parser.documents?tag=status:done"))
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0; // the counter is registered with the first document
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode measurement = JSON.readTree(response.body()).path("measurements").path(0);
        return measurement.path("value").asDouble();
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword());
    }

    private static ServiceLaunch withEnvironment(String name, ServiceLaunch launch, Map<String, String> environment,
            Map<String, String> properties) {
        Map<String, String> env = new HashMap<>(launch.environment());
        env.putAll(environment);
        List<String> command = new ArrayList<>(launch.command());
        properties.forEach((key, value) -> {
            command.removeIf(argument -> argument.startsWith("--" + key + "="));
            command.add("--" + key + "=" + value);
        });
        URI readiness = launch.readiness();
        if (properties.containsKey("server.port")) {
            readiness = URI.create("http://127.0.0.1:" + properties.get("server.port") + "/readyz");
        }
        return new ServiceLaunch(name,
                Integer.parseInt(properties.getOrDefault("server.port", String.valueOf(launch.port()))), command, env,
                readiness);
    }

    private static synchronized void stopAll() {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            }
            catch (Exception e) {
                // stopping; the next one matters more
            }
        }
        services.clear();
        if (stack != null) {
            stack.close();
            stack = null;
        }
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
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
