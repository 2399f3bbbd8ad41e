package org.edm.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.edm.embedded.EmbeddedKafkaBroker;
import org.edm.testsupport.KafkaTopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rows that Kafka refuses for reasons of their own (a topic nobody declared, on a broker
 * that does not create topics; a record over the producer's {@code max.request.size})
 * must not stop the events of other documents.
 */
class OutboxParkingIntegrationTest {

    private static final int MAX_RECORD_FAILURES = 3;

    private static OutboxFixture outbox;

    private static EmbeddedKafkaBroker strictBroker;

    private static Path brokerDirectory;

    @BeforeAll
    static void start() throws Exception {
        outbox = OutboxFixture.onNewDatabase("outbox_parking_test");
        brokerDirectory = Files.createTempDirectory("edm-strict-kafka");
        // Like a production cluster: topics exist only when declared.
        strictBroker = EmbeddedKafkaBroker.start(brokerDirectory.resolve("log"), 0, 0,
                Map.of("auto.create.topics.enable", "false"));
    }

    @AfterAll
    static void stop() {
        outbox.close();
        strictBroker.stop();
    }

    @Test
    void recordSpecificFailuresAreParkedAndBlockOnlyTheLaterRowsOfTheirOwnDocument() throws Exception {
        // given: a declared topic, and a topic nobody declared
        String declared = "outbox.strict." + UUID.randomUUID();
        String undeclared = "outbox.undeclared." + UUID.randomUUID();
        try (Admin admin = Admin
            .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, strictBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(declared, 1, (short) 1))).all().get();
        }
        UUID blocked = UUID.randomUUID();
        UUID oversized = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID another = UUID.randomUUID();
        try (var reader = KafkaTopicReader.atEndOn(strictBroker.bootstrapServers(), declared)) {
            // rows of one document: the first for the undeclared topic, the second waits
            // behind it
            UUID toUndeclared = outbox.append(undeclared, blocked, 0).eventId();
            UUID behindIt = outbox.append(declared, blocked, 1).eventId();
            // a record larger than the producer's max.request.size (1 MB)
            UUID tooLarge = outbox.appendPadded(declared, oversized, 0, 1_200_000);
            // later rows of other documents
            outbox.append(declared, other, 0);
            outbox.append(declared, another, 0);
            outbox.append(declared, other, 1);
            var relay = outbox.relay(strictBroker.bootstrapServers(), settings());

            // when
            relay.relay().start();

            // then: the other documents' events are published, in order
            reader.pollUntil(records -> records.size() >= 3, Duration.ofSeconds(60));
            assertThat(reader.forKey(other.toString())).hasSize(2);
            assertThat(reader.forKey(another.toString())).hasSize(1);

            // and the two bad rows are parked, after at most the bounded number of
            // attempts
            await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(parked()).containsExactlyInAnyOrder(toUndeclared, tooLarge));
            assertThat(attempts(toUndeclared)).isEqualTo(MAX_RECORD_FAILURES);
            assertThat(attempts(tooLarge)).isBetween(1, MAX_RECORD_FAILURES);
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.gauge("edm.outbox.parked") == 2);

            // and the later row of the blocked document waits behind its parked row,
            // never sent
            assertThat(reader.drain(Duration.ofSeconds(1))).noneMatch(r -> r.key().equals(blocked.toString()));
            assertThat(outbox.jdbc.sql("SELECT attempts FROM outbox_events WHERE id = :id AND published_at IS NULL")
                .param("id", behindIt)
                .query(Integer.class)
                .single()).isZero();
            relay.relay().stop();
        }
    }

    @Test
    void releasedParkedRowIsSentAndThenTheRowsOfItsDocumentThatWaitedBehindIt() throws Exception {
        // given: a document whose first event is parked (its topic was not declared) and
        // whose second waits
        String declared = "outbox.release." + UUID.randomUUID();
        String undeclaredAtFirst = "outbox.release.late." + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(declared, 1, (short) 1))).all().get();
        }
        UUID document = UUID.randomUUID();
        UUID first = outbox.append(undeclaredAtFirst, document, 0).eventId();
        UUID second = outbox.append(declared, document, 1).eventId();
        var relay = outbox.relay(strictBroker.bootstrapServers(), settings());
        relay.relay().start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> parked().contains(first));
            assertThat(published(second)).isFalse();

            // when: the cause is fixed (the topic declared) and the row released as the
            // outbox README says
            try (Admin admin = admin()) {
                admin.createTopics(List.of(new NewTopic(undeclaredAtFirst, 1, (short) 1))).all().get();
            }
            outbox.jdbc.sql("UPDATE outbox_events SET parked_at = NULL, record_failures = 0 WHERE id = :id")
                .param("id", first)
                .update();

            // then: the released row is sent, then the row that waited behind it, in the
            // document's order
            await().atMost(Duration.ofSeconds(60)).until(() -> published(second));
            assertThat(published(first)).isTrue();
            assertThat(outbox.jdbc.sql("""
                    SELECT f.published_at <= s.published_at
                      FROM outbox_events f, outbox_events s WHERE f.id = :first AND s.id = :second
                    """).param("first", first).param("second", second).query(Boolean.class).single())
                .as("the released row is sent before the row behind it")
                .isTrue();
        }
        finally {
            relay.relay().stop();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, strictBroker.bootstrapServers()));
    }

    private static boolean published(UUID id) {
        return outbox.jdbc.sql("SELECT published_at IS NOT NULL FROM outbox_events WHERE id = :id")
            .param("id", id)
            .query(Boolean.class)
            .single();
    }

    private static List<UUID> parked() {
        return outbox.jdbc.sql("SELECT id FROM outbox_events WHERE parked_at IS NOT NULL").query(UUID.class).list();
    }

    private static int attempts(UUID id) {
        return outbox.jdbc.sql("SELECT attempts FROM outbox_events WHERE id = :id")
            .param("id", id)
            .query(Integer.class)
            .single();
    }

    private static OutboxSettings settings() {
        return new OutboxSettings(true, Duration.ofMillis(100), 50,
                new OutboxSettings.Backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(800)), Duration.ofSeconds(2),
                Duration.ofDays(7), Duration.ofHours(1), OutboxSettings.DEFAULT_LOCK_KEY, MAX_RECORD_FAILURES,
                Duration.ofDays(30));
    }

}
