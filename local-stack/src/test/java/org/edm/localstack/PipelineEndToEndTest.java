package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.Topics;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline through real HTTP and real Kafka: the launcher starts the three services as separate
 * processes from the jars the build made, on the shared real PostgreSQL and Kafka of the test JVM. A real
 * specification is uploaded, announced, parsed and found by the search API; a damaged file ends failed.
 */
class PipelineEndToEndTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static URI ingest;
    static URI search;

    @BeforeAll
    static void startTheStack() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        int ingestPort = freePort();
        int searchPort = freePort();
        int parserPort = freePort();
        var settings = new StackSettings(dataDir, 0, 0, ingestPort, searchPort, parserPort,
                infrastructure.jdbcUrl(), infrastructure.username(), infrastructure.password(),
                infrastructure.bootstrapServers(), null, Path.of("..").toAbsolutePath().normalize(),
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), true);
        stack = new LocalStack(settings);
        stack.start();
        ingest = URI.create("http://localhost:" + ingestPort);
        search = URI.create("http://localhost:" + searchPort);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void uploadedSpecificationIsAnnouncedParsedAndFound() throws Exception {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED, Topics.DOCUMENTS_PROCESSED)) {
            // given
            String title = "MoldUDP64 e2e " + UUID.randomUUID();
            long uploadedAt = System.nanoTime();

            // when
            HttpResponse<String> response = upload("pdfs/Mold.Udp64.v1.0.pdf", title, "1.0");

            // then: accepted, announced once, parsed once
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String id = JSON.readTree(response.body()).get("id").asString();
            List<ConsumerRecord<String, String>> records = events.pollUntil(
                    received -> received.stream().anyMatch(r -> r.topic().equals(Topics.DOCUMENTS_PROCESSED)
                            && id.equals(r.key())), Duration.ofMinutes(2));
            List<JsonNode> uploaded = payloads(records, Topics.DOCUMENTS_UPLOADED, id);
            List<JsonNode> processed = payloads(records, Topics.DOCUMENTS_PROCESSED, id);
            assertThat(uploaded).hasSize(1);
            assertThat(uploaded.get(0).get("title").asString()).isEqualTo(title);
            assertThat(processed).hasSize(1);
            assertThat(processed.get(0).get("status").asString()).isEqualTo("done");
            assertThat(processed.get(0).get("sectionCount").asInt()).isGreaterThan(5);

            JsonNode document = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                    .until(() -> getJson(search.resolve("/api/documents/" + id)),
                            d -> d != null && "done".equals(d.path("status").asString("")));
            assertThat(document.path("pageCount").asInt()).isEqualTo(6);

            // and a sentence of the PDF is found through the search API, in its own section
            JsonNode hits = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> getJson(search.resolve("/api/search?document=" + id + "&q="
                            + URLEncoder.encode("\"aggregated into a single network packet\"", StandardCharsets.UTF_8))),
                            h -> h != null && h.path("hits").size() > 0);
            System.out.printf("[e2e] upload to searchable: %d ms for a 6-page PDF%n",
                    (System.nanoTime() - uploadedAt) / 1_000_000);
            JsonNode first = hits.get("hits").get(0);
            assertThat(first.path("sectionTitle").asString(first.path("title").asString(""))).contains("Overview");
            assertThat(first.path("snippet").asString()).containsIgnoringCase("aggregated");

            // and its section tree reads back in order, with "Heartbeats" under "Downstream Packet"
            JsonNode tree = getJson(search.resolve("/api/documents/" + id + "/sections"));
            List<String> titles = new ArrayList<>();
            collectTitles(tree, titles);
            assertThat(titles).containsSubsequence("Overview", "Downstream Packet", "Heartbeats", "Request Packet");
        }
    }

    @Test
    void damagedFileEndsFailedWithAReason() throws Exception {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_PROCESSED)) {
            HttpResponse<String> response = upload("pdfs/damaged-truncated.pdf", "Damaged " + UUID.randomUUID(), "1");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String id = JSON.readTree(response.body()).get("id").asString();
            List<ConsumerRecord<String, String>> records = events.pollUntil(
                    received -> received.stream().anyMatch(r -> id.equals(r.key())), Duration.ofMinutes(2));
            JsonNode processed = payloads(records, Topics.DOCUMENTS_PROCESSED, id).get(0);
            assertThat(processed.get("status").asString()).isEqualTo("failed");
            assertThat(processed.get("failureReason").asString()).isEqualTo("damaged");

            JsonNode document = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> getJson(search.resolve("/api/documents/" + id)),
                            d -> d != null && "failed".equals(d.path("status").asString("")));
            assertThat(document.toString()).contains("damaged");
        }
    }

    private static void collectTitles(JsonNode node, List<String> titles) {
        if (node.isArray()) {
            node.forEach(child -> collectTitles(child, titles));
        } else if (node.isObject()) {
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
        return records.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key()))
                .map(r -> JSON.readTree(r.value())).toList();
    }

    private static JsonNode getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static HttpResponse<String> upload(String resource, String title, String version)
            throws IOException, InterruptedException {
        byte[] pdf;
        try (InputStream in = PipelineEndToEndTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            pdf = in.readAllBytes();
        }
        String boundary = "e2e-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n" + version + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"spec.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/api/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofByteArray(pdf), HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
