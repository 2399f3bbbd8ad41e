package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/**
 * Faults against the running system (services as separate processes, real PostgreSQL and Kafka): a broker outage
 * during a stream of uploads, a parser killed in the middle of a document, a database outage during parsing.
 * Nothing may be lost, and no document may end with two sets of sections.
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

            // when: the broker goes away while uploads go on, then comes back
            infrastructure.stopKafka();
            try {
                for (int i = 0; i < 6; i++) {
                    ids.add(upload("during-outage-" + i, 2));
                }
                Thread.sleep(3_000);
                assertThat(ids.subList(4, 10)).allSatisfy(id -> assertThat(status(id)).isEqualTo("pending"));
            } finally {
                infrastructure.startKafka();
            }
            for (int i = 0; i < 4; i++) {
                ids.add(upload("after-outage-" + i, 2));
            }

            // then: every accepted upload is parsed, announced once (by event id) and has one set of sections
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
        // given: a document long enough (1,200 pages, seconds of parsing) that the kill lands mid-parse
        String id = client.uploadAccepted(TestPdfs.specification("crashmarker", 300, 4),
                "Crash " + UUID.randomUUID(), "1");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> "processing".equals(status(id)) || "done".equals(status(id)));
        assertThat(status(id)).as("the parser must still be working on the document when it is killed")
                .isEqualTo("processing");

        // when: the worker dies without a clean shutdown, and a new instance starts later
        stack.stack.killService("parser-worker");
        assertThat(status(id)).isEqualTo("processing");
        stack.stack.restartService("parser-worker");

        // then: the document is taken over (stale claim) and ends done, with exactly one set of sections
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> "done".equals(status(id)));
        assertOneSetOfSections(id);
        assertThat(sectionTitles(id)).filteredOn(t -> t.matches("\\d+ Message Type \\d+")).hasSize(300);
    }

    @Test
    void databaseOutageDuringParsingIsRetriedAndNothingIsHalfWritten() throws Exception {
        assumeTrue(infrastructure.supportsOutages(), "needs the embedded, restartable PostgreSQL");
        // given: documents being parsed
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.uploadAccepted(TestPdfs.specification("dbmarker" + i, 60, 3),
                    "Database outage " + i + " " + UUID.randomUUID(), "1"));
        }
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().anyMatch(id -> "processing".equals(statusQuietly(id))));

        // when: PostgreSQL goes away for a while
        infrastructure.stopPostgres();
        try {
            Thread.sleep(5_000);
        } finally {
            infrastructure.startPostgres();
        }

        // then: every document finishes, with one complete set of sections
        awaitAllDone(ids, Duration.ofMinutes(4));
        for (String id : ids) {
            assertOneSetOfSections(id);
            assertThat(sectionTitles(id)).filteredOn(t -> t.matches("\\d+ Message Type \\d+")).hasSize(60);
        }
    }

    private String upload(String name, int chapters) throws Exception {
        return client.uploadAccepted(TestPdfs.specification(name + UUID.randomUUID(), chapters, 1),
                "Outage " + name + " " + UUID.randomUUID(), "1");
    }

    private String status(String id) {
        return jdbc.sql("SELECT processing_status FROM documents WHERE id = :id")
                .param("id", UUID.fromString(id)).query(String.class).optional().orElse(null);
    }

    private String statusQuietly(String id) {
        try {
            return status(id);
        } catch (RuntimeException e) {
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
        long sections = jdbc.sql("SELECT count(*) FROM sections WHERE document_id = :id").param("id", document)
                .query(Long.class).single();
        long positions = jdbc.sql("SELECT count(DISTINCT order_index) FROM sections WHERE document_id = :id")
                .param("id", document).query(Long.class).single();
        Integer maxIndex = jdbc.sql("SELECT max(order_index) FROM sections WHERE document_id = :id")
                .param("id", document).query(Integer.class).single();
        assertThat(sections).as("sections of " + id).isPositive().isEqualTo(positions);
        assertThat(maxIndex).as("order_index is gap-free").isEqualTo((int) sections - 1);
    }

    private List<String> sectionTitles(String id) {
        return jdbc.sql("SELECT title FROM sections WHERE document_id = :id ORDER BY order_index")
                .param("id", UUID.fromString(id)).query(String.class).list();
    }

    private static boolean hasEvent(List<ConsumerRecord<String, String>> records, String topic, String key) {
        return records.stream().anyMatch(r -> r.topic().equals(topic) && key.equals(r.key()));
    }

    private static Set<String> distinctEventIds(List<ConsumerRecord<String, String>> records, String topic,
            String key) {
        Set<String> eventIds = new HashSet<>();
        records.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key()))
                .forEach(r -> eventIds.add(SystemClient.JSON.readTree(r.value()).get("eventId").asString()));
        return eventIds;
    }
}
