package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.Topics;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestInfrastructure;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Faults against the running system (services as separate processes, real PostgreSQL and
 * Kafka): a broker outage during a stream of uploads, a parser killed in the middle of a
 * document, a database outage during parsing. Nothing may be lost, and no document may
 * end with two sets of sections.
 */
@SystemTest
class FaultToleranceSystemTest {

    static SharedStack stack;
    static SystemClient client;
    static TestInfrastructure infrastructure;
    static JdbcClient jdbc;

    @Test
    void uploadsAcceptedWhileKafkaIsDownAllReachDoneWithOneEventEach() throws Exception {
        assumeTrue(infrastructure.supportsOutages(), "needs the embedded, restartable broker");
        List<String> ids = new ArrayList<>();
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED, Topics.DOCUMENTS_PROCESSED)) {
            // given: uploads before the outage
            for (int i = 0; i < 4; i++) {
                ids.add(upload("before-outage-" + i, 2));
            }

            // when: the broker goes away while uploads go on (and stays away until the
            // relay has failed to
            // publish their events), then comes back
            double relayFailures = metric(stack.ingestManagement, "edm.outbox.failures", null);
            infrastructure.stopKafka();
            try {
                for (int i = 0; i < 6; i++) {
                    ids.add(upload("during-outage-" + i, 2));
                }
                await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> metric(stack.ingestManagement, "edm.outbox.failures", null) > relayFailures);
                assertThat(ids.subList(4, 10)).allSatisfy(id -> assertThat(status(id)).isEqualTo("pending"));
            }
            finally {
                infrastructure.startKafka();
            }
            for (int i = 0; i < 4; i++) {
                ids.add(upload("after-outage-" + i, 2));
            }

            // then: every accepted upload is parsed, announced once (by event id) and has
            // one set of sections
            awaitAllDone(ids, Duration.ofMinutes(4));
            List<ConsumerRecord<String, String>> records = events.pollUntil(
                    received -> ids.stream().allMatch(id -> hasEvent(received, Topics.DOCUMENTS_PROCESSED, id)),
                    Duration.ofMinutes(2));
            records = events.drain(Duration.ofSeconds(2));
            for (String id : ids) {
                assertThat(distinctEventIds(records, Topics.DOCUMENTS_UPLOADED, id)).as("uploaded events of " + id)
                    .hasSize(1);
                assertThat(distinctEventIds(records, Topics.DOCUMENTS_PROCESSED, id)).as("processed events of " + id)
                    .hasSize(1);
                assertOneSetOfSections(id);
            }
        }
    }

    @Test
    void parserKilledInTheMiddleOfADocumentLeavesItDoneOnceAfterRestart() throws Exception {
        // given: a document long enough (1,200 pages, seconds of parsing) that the kill
        // lands mid-parse
        String id = client.uploadAccepted(TestPdfs.specification("crashmarker", 300, 4), "Crash " + UUID.randomUUID(),
                "1");
        await().atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> "processing".equals(status(id)) || "done".equals(status(id)));
        assertThat(status(id)).as("the parser must still be working on the document when it is killed")
            .isEqualTo("processing");

        // when: the worker dies without a clean shutdown, and a new instance starts later
        stack.stack.killService("parser-worker");
        assertThat(status(id)).isEqualTo("processing");
        stack.stack.restartService("parser-worker");

        // then: the document is taken over (stale claim) and ends done, with exactly one
        // set of sections
        await().atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> "done".equals(status(id)));
        assertOneSetOfSections(id);
        assertThat(sectionTitles(id)).filteredOn(t -> t.matches("\\d+ Message Type \\d+")).hasSize(300);
    }

    @Test
    void documentDeletedWhileItIsParsedStaysGoneAndItsResultIsDropped() throws Exception {
        try (var processed = KafkaTopicReader.atEnd(Topics.DOCUMENTS_PROCESSED)) {
            // given: a document long enough that the delete lands mid-parse
            String id = client.uploadAccepted(TestPdfs.specification("deletemarker", 300, 4),
                    "Deleted mid-parse " + UUID.randomUUID(), "1");
            await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> "processing".equals(status(id)) || "done".equals(status(id)));
            assertThat(status(id)).as("the parser must still be working on the document").isEqualTo("processing");
            double dropped = parserMetric("edm.parser.skipped", "why:taken_over");

            // when
            var deleted = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(stack.ingest.resolve("/api/documents/" + id))
                    .header("Authorization", stack.authorization())
                    .DELETE()
                    .build(), HttpResponse.BodyHandlers.ofString());

            // then: deleted at once; the parser finishes, finds the document gone and
            // writes nothing
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> parserMetric("edm.parser.skipped", "why:taken_over") > dropped);
            assertThat(status(id)).isNull();
            assertThat(jdbc.sql("SELECT count(*) FROM sections WHERE document_id = :id")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single()).isZero();
            assertThat(processed.pollToEnd(Duration.ofSeconds(10))).noneMatch(r -> id.equals(r.key()));
        }
    }

    @Test
    void databaseOutageDuringParsingIsRetriedAndNothingIsHalfWritten() throws Exception {
        assumeTrue(infrastructure.supportsOutages(), "needs the embedded, restartable PostgreSQL");
        // given: a parser that consumes (after another case killed and restarted it, its
        // consumer group may still be waiting for the killed member's session to expire)
        awaitAllDone(List.of(upload("before-database-outage", 1)), Duration.ofMinutes(3));
        // and: documents being parsed
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.uploadAccepted(TestPdfs.specification("dbmarker" + i, 60, 3),
                    "Database outage " + i + " " + UUID.randomUUID(), "1"));
        }
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Map<String, String> statuses = new HashMap<>();
            ids.forEach(id -> statuses.put(id, statusQuietly(id)));
            assertThat(statuses.values()).as("statuses %s", statuses).contains("processing");
        });

        long failedBefore = failedParserDeliveries();

        // when: PostgreSQL goes away, and stays away until the parser has failed to
        // deliver a record
        infrastructure.stopPostgres();
        try {
            await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> failedParserDeliveries() > failedBefore);
        }
        finally {
            infrastructure.startPostgres();
        }

        // then: the failed delivery is retried, every document finishes, with one
        // complete set of sections
        awaitAllDone(ids, Duration.ofMinutes(4));
        for (String id : ids) {
            assertOneSetOfSections(id);
            assertThat(sectionTitles(id)).filteredOn(t -> t.matches("\\d+ Message Type \\d+")).hasSize(60);
        }
    }

    /**
     * Calls of the parser's {@code documents.uploaded} listener that threw, from the
     * container's {@code spring.kafka.listener} timer.
     */
    private static long failedParserDeliveries() throws Exception {
        return (long) parserMetric("spring.kafka.listener", "result:failure");
    }

    /**
     * A COUNT from the parser's management port, asked from localhost without a key (so
     * that the answer does not depend on the database); 0 before the first increment
     * registers the meter.
     */
    private static double parserMetric(String name, String tag) throws Exception {
        return metric(stack.parserManagement, name, tag);
    }

    /**
     * A COUNT from a service's management port (a sum over every tag when {@code tag} is
     * null).
     */
    private static double metric(java.net.URI management, String name, String tag) throws Exception {
        var response = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(management.resolve("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag)))
                .timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode measurement : SystemClient.JSON.readTree(response.body()).path("measurements")) {
            if ("COUNT".equals(measurement.path("statistic").asString())) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + response.body());
    }

    private String upload(String name, int chapters) throws Exception {
        return client.uploadAccepted(TestPdfs.specification(name + UUID.randomUUID(), chapters, 1),
                "Outage " + name + " " + UUID.randomUUID(), "1");
    }

    private String status(String id) {
        return jdbc.sql("SELECT processing_status FROM documents WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .optional()
            .orElse(null);
    }

    private String statusQuietly(String id) {
        try {
            return status(id);
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private void awaitAllDone(List<String> ids, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            Map<String, String> statuses = new HashMap<>();
            ids.forEach(id -> statuses.put(id, status(id)));
            assertThat(statuses.values()).as(statuses.toString()).containsOnly("done");
        });
    }

    private void assertOneSetOfSections(String id) {
        UUID document = UUID.fromString(id);
        long sections = jdbc.sql("SELECT count(*) FROM sections WHERE document_id = :id")
            .param("id", document)
            .query(Long.class)
            .single();
        long positions = jdbc.sql("SELECT count(DISTINCT order_index) FROM sections WHERE document_id = :id")
            .param("id", document)
            .query(Long.class)
            .single();
        Integer maxIndex = jdbc.sql("SELECT max(order_index) FROM sections WHERE document_id = :id")
            .param("id", document)
            .query(Integer.class)
            .single();
        assertThat(sections).as("sections of " + id).isPositive().isEqualTo(positions);
        assertThat(maxIndex).as("order_index is gap-free").isEqualTo((int) sections - 1);
    }

    private List<String> sectionTitles(String id) {
        return jdbc.sql("SELECT title FROM sections WHERE document_id = :id ORDER BY order_index")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .list();
    }

    private static boolean hasEvent(List<ConsumerRecord<String, String>> records, String topic, String key) {
        return records.stream().anyMatch(r -> r.topic().equals(topic) && key.equals(r.key()));
    }

    private static Set<String> distinctEventIds(List<ConsumerRecord<String, String>> records, String topic,
            String key) {
        Set<String> eventIds = new HashSet<>();
        records.stream()
            .filter(r -> r.topic().equals(topic) && key.equals(r.key()))
            .forEach(r -> eventIds.add(SystemClient.JSON.readTree(r.value()).get("eventId").asString()));
        return eventIds;
    }

}
