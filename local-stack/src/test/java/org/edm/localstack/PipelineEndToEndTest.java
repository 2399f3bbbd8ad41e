package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.Topics;
import org.edm.migrations.roles.ServiceRole;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline through real HTTP and real Kafka ({@link SharedStack}: the launcher
 * runs the three services as separate processes on the test JVM's real PostgreSQL and
 * Kafka). A real specification is uploaded, announced, parsed and found by the search
 * API; a damaged file ends failed.
 */
@SystemTest
class PipelineEndToEndTest {

    static final JsonMapper JSON = SystemClient.JSON;

    static SharedStack stack;
    static SystemClient client;

    @Test
    void uploadedSpecificationIsAnnouncedParsedAndFound() throws Exception {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED, Topics.DOCUMENTS_PROCESSED)) {
            // given
            String title = "MoldUDP64 e2e " + UUID.randomUUID();
            long uploadedAt = System.nanoTime();

            // when
            HttpResponse<String> response = upload(TestPdfs.MOLD_UDP64, title, "1.0");

            // then: accepted, announced once, parsed once
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String id = JSON.readTree(response.body()).get("id").asString();
            List<ConsumerRecord<String, String>> records = events.pollUntil(
                    received -> received.stream()
                        .anyMatch(r -> r.topic().equals(Topics.DOCUMENTS_PROCESSED) && id.equals(r.key())),
                    Duration.ofMinutes(2));
            List<JsonNode> uploaded = payloads(records, Topics.DOCUMENTS_UPLOADED, id);
            List<JsonNode> processed = payloads(records, Topics.DOCUMENTS_PROCESSED, id);
            assertThat(uploaded).hasSize(1);
            assertThat(uploaded.get(0).get("title").asString()).isEqualTo(title);
            assertThat(processed).hasSize(1);
            assertThat(processed.get(0).get("status").asString()).isEqualTo("done");
            assertThat(processed.get(0).get("sectionCount").asInt()).isGreaterThan(5);

            JsonNode document = await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> getJson(stack.search.resolve("/api/documents/" + id)),
                        d -> d != null && "done".equals(d.path("status").asString("")));
            assertThat(document.path("pageCount").asInt()).isEqualTo(6);

            // and a sentence of the PDF is found through the search API, in its own
            // section
            JsonNode hits = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> getJson(stack.search.resolve("/api/search?document=" + id + "&q="
                        + URLEncoder.encode("\"aggregated into a single network packet\"", StandardCharsets.UTF_8))),
                        h -> h != null && h.path("hits").size() > 0);
            System.out.printf("[e2e] upload to searchable: %d ms for a 6-page PDF%n",
                    (System.nanoTime() - uploadedAt) / 1_000_000);
            JsonNode first = hits.get("hits").get(0);
            assertThat(first.path("sectionTitle").asString(first.path("title").asString(""))).contains("Overview");
            assertThat(first.path("snippet").asString()).containsIgnoringCase("aggregated");

            // and its section tree reads back in the order of the PDF's outline (which
            // ends at "End of Session"),
            // completed by the headings the outline lacks ("Request Packet" and after)
            JsonNode tree = getJson(stack.search.resolve("/api/documents/" + id + "/sections"));
            List<String> titles = new ArrayList<>();
            collectTitles(tree, titles);
            assertThat(titles).containsSubsequence("Overview", "Downstream Packet", "Header", "Heartbeats",
                    "End of Session", "Request Packet", "Version Control");
        }
    }

    @Test
    void damagedFileEndsFailedWithAReason() throws Exception {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_PROCESSED)) {
            HttpResponse<String> response = upload(TestPdfs.DAMAGED_TRUNCATED, "Damaged " + UUID.randomUUID(), "1");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String id = JSON.readTree(response.body()).get("id").asString();
            List<ConsumerRecord<String, String>> records = events
                .pollUntil(received -> received.stream().anyMatch(r -> id.equals(r.key())), Duration.ofMinutes(2));
            JsonNode processed = payloads(records, Topics.DOCUMENTS_PROCESSED, id).get(0);
            assertThat(processed.get("status").asString()).isEqualTo("failed");
            assertThat(processed.get("failureReason").asString()).isEqualTo("damaged");

            JsonNode document = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> getJson(stack.search.resolve("/api/documents/" + id)),
                        d -> d != null && "failed".equals(d.path("status").asString("")));
            assertThat(document.toString()).contains("damaged");
        }
    }

    @Test
    void theStackRunsSecuredNoSecretOnAnyCommandLineServicesOnLoopbackAnOwnerOnlyKeyFile() throws Exception {
        // given
        StackSecrets secrets = StackSecrets.loadOrCreate(stack.dataDir);
        Path keyFile = stack.dataDir.resolve(LocalStack.API_KEY_FILE);

        // then: the command lines as ps shows them (/proc/<pid>/cmdline) hold no password
        // or secret
        for (String service : List.of("ingest-service", "parser-worker", "search-api")) {
            String commandLine = ProcessHandle.of(stack.stack.pid(service))
                .orElseThrow()
                .info()
                .commandLine()
                .orElseThrow();
            assertThat(commandLine).as(service)
                .contains("-jar")
                .contains("--server.address=127.0.0.1")
                .doesNotContain(secrets.cursorSecret())
                .doesNotContain(stack.apiKey)
                .doesNotContainIgnoringCase("password");
            for (ServiceRole role : ServiceRole.values()) {
                assertThat(commandLine).as(service).doesNotContain(secrets.password(role));
            }
        }
        // the key alone on one line, readable by its owner only
        assertThat(Files.readAllLines(keyFile)).containsExactly(stack.apiKey);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        // without the key, the API refuses
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(stack.ingest.resolve("/api/documents/" + UUID.randomUUID())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        // the services do not answer on this machine's other addresses
        for (InetAddress address : nonLoopbackAddresses()) {
            try (var socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, stack.search.getPort()), 2000))
                    .as("search-api on %s", address)
                    .isInstanceOf(IOException.class);
            }
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (var network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                network.inetAddresses().filter(address -> address instanceof Inet4Address).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static void collectTitles(JsonNode node, List<String> titles) {
        if (node.isArray()) {
            node.forEach(child -> collectTitles(child, titles));
        }
        else if (node.isObject()) {
            if (node.has("title") && node.has("level")) {
                titles.add(node.get("title").asString().replaceFirst("^[\\d.]+\\s+", "").trim());
            }
            for (String field : List.of("sections", "children")) {
                if (node.has(field)) {
                    collectTitles(node.get(field), titles);
                }
            }
        }
    }

    private static List<JsonNode> payloads(List<ConsumerRecord<String, String>> records, String topic, String key) {
        return records.stream()
            .filter(r -> r.topic().equals(topic) && key.equals(r.key()))
            .map(r -> JSON.readTree(r.value()))
            .toList();
    }

    private static JsonNode getJson(URI uri) throws IOException, InterruptedException {
        return client.getJson(uri);
    }

    private static HttpResponse<String> upload(String testPdf, String title, String version)
            throws IOException, InterruptedException {
        return client.upload(TestPdfs.resource(testPdf), testPdf, title, version);
    }

}
