package org.edm.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.edm.events.Topics;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay against real PostgreSQL and Kafka, on a database of its own. */
class OutboxRelayIntegrationTest {

    private static final int MAX_RECORD_FAILURES = 5;

    private static OutboxFixture outbox;

    @BeforeAll
    static void createDatabase() {
        outbox = OutboxFixture.onNewDatabase("outbox_relay_test");
    }

    @AfterAll
    static void close() {
        outbox.close();
    }

    private static OutboxSettings fastSettings(Duration sendTimeout) {
        return new OutboxSettings(true, Duration.ofMillis(100), 50,
                new OutboxSettings.Backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(800)), sendTimeout,
                Duration.ofDays(7), Duration.ofHours(1), OutboxSettings.DEFAULT_LOCK_KEY, MAX_RECORD_FAILURES,
                Duration.ofDays(30));
    }

    @Test
    void publishesEveryRowOnceKeyedByAggregateInOrderAndMarksItPublished() throws Exception {
        // given
        String topic = "outbox.test." + UUID.randomUUID();
        List<UUID> aggregates = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (var reader = KafkaTopicReader.atEnd(topic)) {
            for (int sequence = 0; sequence < 4; sequence++) {
                for (UUID aggregate : aggregates) {
                    outbox.append(topic, aggregate, sequence);
                }
            }
            var relay = outbox.relay(TestInfrastructure.shared().bootstrapServers(),
                    fastSettings(Duration.ofSeconds(10)));

            // when
            relay.relay().start();

            // then
            reader.pollUntil(records -> records.size() >= 12, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = reader.drain(Duration.ofSeconds(1));
            assertThat(records).hasSize(12);
            for (UUID aggregate : aggregates) {
                assertThat(sequencesOf(reader.forKey(aggregate.toString()))).containsExactly(0, 1, 2, 3);
            }
            assertThat(records).allSatisfy(record -> assertThat(
                    new String(record.headers().lastHeader(Topics.EVENT_TYPE_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("TestHappened"));
            await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(outbox.jdbc.sql(
                        "SELECT count(*) FROM outbox_events WHERE topic = :topic AND published_at IS NOT NULL AND attempts = 1")
                    .param("topic", topic)
                    .query(Long.class)
                    .single()).isEqualTo(12));
            relay.relay().stop();
        }
    }

    @Test
    void keepsRowsWhileKafkaIsUnreachableAndPublishesThemInOrderOnceItIsBack() throws Exception {
        // given: a relay whose broker cannot be reached
        String topic = "outbox.test." + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (var reader = KafkaTopicReader.atEnd(topic)) {
            var relay = outbox.relay(OutboxFixture.unreachableBootstrapServers(), fastSettings(Duration.ofSeconds(2)));
            relay.relay().start();

            // when: events are written during the outage
            for (int sequence = 0; sequence < 3; sequence++) {
                outbox.append(topic, first, sequence);
                outbox.append(topic, second, sequence);
            }

            // then: they stay unpublished, failures are counted and retried, the lag is
            // visible
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.counter("edm.outbox.failures") >= 2);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(relay.gauge("edm.outbox.unpublished")).isEqualTo(6);
                assertThat(relay.timeGaugeMillis("edm.outbox.oldest.unpublished.age")).isPositive();
            });
            assertThat(outbox.jdbc.sql("""
                    SELECT count(*) FROM outbox_events
                    WHERE topic = :topic AND published_at IS NULL AND attempts >= 1 AND last_error IS NOT NULL
                    """).param("topic", topic).query(Long.class).single())
                .as("the oldest row was attempted and is still pending")
                .isGreaterThanOrEqualTo(1);
            assertThat(reader.drain(Duration.ofMillis(500))).isEmpty();

            // when: the broker becomes reachable
            relay.producerFactory()
                .updateConfigs(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.shared().bootstrapServers()));
            relay.producerFactory().reset();

            // then: every row arrives once, in order per aggregate
            reader.pollUntil(records -> records.size() >= 6, Duration.ofSeconds(60));
            assertThat(reader.drain(Duration.ofSeconds(1))).hasSize(6);
            assertThat(sequencesOf(reader.forKey(first.toString()))).containsExactly(0, 1, 2);
            assertThat(sequencesOf(reader.forKey(second.toString()))).containsExactly(0, 1, 2);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(outbox.unpublished()).isZero();
                assertThat(relay.gauge("edm.outbox.unpublished")).isZero();
            });
            relay.relay().stop();
        }
    }

    @Test
    void survivesABrokerRestartWithoutLosingOrReorderingEvents() throws Exception {
        assumeTrue(TestInfrastructure.shared().supportsOutages(), "needs the restartable embedded broker");
        // given: a working relay that has published the first event of an aggregate
        String topic = "outbox.test." + UUID.randomUUID();
        UUID aggregate = UUID.randomUUID();
        var relay = outbox.relay(TestInfrastructure.shared().bootstrapServers(), fastSettings(Duration.ofSeconds(2)));
        try (var reader = KafkaTopicReader.atEnd(topic)) {
            relay.relay().start();
            outbox.append(topic, aggregate, 0);
            reader.pollUntil(records -> records.size() == 1, Duration.ofSeconds(30));

            // when: the broker stops while three more events are written
            TestInfrastructure.shared().stopKafka();
            try {
                for (int sequence = 1; sequence <= 3; sequence++) {
                    outbox.append(topic, aggregate, sequence);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> relay.counter("edm.outbox.failures") >= 1);
                assertThat(outbox.jdbc
                    .sql("SELECT count(*) FROM outbox_events WHERE topic = :topic AND published_at IS NULL")
                    .param("topic", topic)
                    .query(Long.class)
                    .single()).isEqualTo(3);
            }
            finally {
                TestInfrastructure.shared().startKafka();
            }

            // then: once it is back, they arrive once each, after the first, in order
            reader.pollUntil(records -> records.size() >= 4, Duration.ofSeconds(60));
            assertThat(reader.drain(Duration.ofSeconds(1))).hasSize(4);
            assertThat(sequencesOf(reader.forKey(aggregate.toString()))).containsExactly(0, 1, 2, 3);
        }
        finally {
            relay.relay().stop();
        }
    }

    @Test
    void twoRelaysOnOneDatabasePublishEachRowOnceAndKeepTheOrderOfEachAggregate() throws Exception {
        // given: two instances' relays
        String topic = "outbox.test." + UUID.randomUUID();
        var settings = fastSettings(Duration.ofSeconds(10));
        var one = outbox.relay(TestInfrastructure.shared().bootstrapServers(), settings);
        var other = outbox.relay(TestInfrastructure.shared().bootstrapServers(), settings);
        List<UUID> aggregates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            aggregates.add(UUID.randomUUID());
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try (var reader = KafkaTopicReader.atEnd(topic)) {
            one.relay().start();
            other.relay().start();

            // when: 4 writers append 10 events to each of 20 aggregates while both relays
            // run
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                List<UUID> mine = aggregates.subList(w * 5, w * 5 + 5);
                done.add(writers.submit(() -> {
                    for (int sequence = 0; sequence < 10; sequence++) {
                        for (UUID aggregate : mine) {
                            outbox.append(topic, aggregate, sequence);
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }

            // then
            reader.pollUntil(records -> records.size() >= 200, Duration.ofSeconds(60));
            List<ConsumerRecord<String, String>> records = reader.drain(Duration.ofSeconds(1));
            assertThat(records).hasSize(200);
            Set<String> eventIds = new HashSet<>();
            records.forEach(r -> eventIds.add(outbox.json.readTree(r.value()).get("eventId").asString()));
            assertThat(eventIds).hasSize(200);
            for (UUID aggregate : aggregates) {
                assertThat(sequencesOf(reader.forKey(aggregate.toString()))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8,
                        9);
            }
            assertThat(one.counter("edm.outbox.published") + other.counter("edm.outbox.published")).isEqualTo(200);
        }
        finally {
            writers.shutdownNow();
            one.relay().stop();
            other.relay().stop();
        }
    }

    @Test
    void cleanupDeletesPublishedRowsOlderThanTheRetentionOnly() {
        // given: a row published 8 days ago, one published now, one pending for an
        // unreachable broker
        String topic = "outbox.test." + UUID.randomUUID();
        UUID old = outbox.append(topic, UUID.randomUUID(), 0).eventId();
        UUID recent = outbox.append(topic, UUID.randomUUID(), 0).eventId();
        UUID pending = outbox.append(topic, UUID.randomUUID(), 0).eventId();
        outbox.jdbc.sql("UPDATE outbox_events SET published_at = now() - interval '8 days' WHERE id = :id")
            .param("id", old)
            .update();
        outbox.jdbc.sql("UPDATE outbox_events SET published_at = now() WHERE id = :id").param("id", recent).update();
        var relay = outbox.relay(OutboxFixture.unreachableBootstrapServers(), fastSettings(Duration.ofSeconds(2)));

        // when: the relay starts, which runs a cleanup
        relay.relay().start();

        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> relay.counter("edm.outbox.cleaned") >= 1);
        relay.relay().stop();
        assertThat(outbox.jdbc.sql("SELECT id FROM outbox_events WHERE id IN (:ids)")
            .param("ids", List.of(old, recent, pending))
            .query(UUID.class)
            .list()).containsExactlyInAnyOrder(recent, pending);
        outbox.jdbc.sql("DELETE FROM outbox_events WHERE topic = :topic").param("topic", topic).update();
    }

    @Test
    void cleanupDeletesParkedRowsOlderThanTheParkedRetentionOnly() {
        // given: a row parked 31 days ago and one parked 29 days ago (parked retention 30
        // days)
        String topic = "outbox.test." + UUID.randomUUID();
        UUID old = outbox.append(topic, UUID.randomUUID(), 0).eventId();
        UUID recent = outbox.append(topic, UUID.randomUUID(), 0).eventId();
        outbox.jdbc.sql("UPDATE outbox_events SET parked_at = now() - interval '31 days' WHERE id = :id")
            .param("id", old)
            .update();
        outbox.jdbc.sql("UPDATE outbox_events SET parked_at = now() - interval '29 days' WHERE id = :id")
            .param("id", recent)
            .update();
        var relay = outbox.relay(OutboxFixture.unreachableBootstrapServers(), fastSettings(Duration.ofSeconds(2)));

        // when: the relay starts, which runs a cleanup
        relay.relay().start();

        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> relay.counter("edm.outbox.cleaned") >= 1);
        relay.relay().stop();
        assertThat(outbox.jdbc.sql("SELECT id FROM outbox_events WHERE id IN (:ids)")
            .param("ids", List.of(old, recent))
            .query(UUID.class)
            .list()).containsExactly(recent);
        outbox.jdbc.sql("DELETE FROM outbox_events WHERE topic = :topic").param("topic", topic).update();
    }

    private static List<Integer> sequencesOf(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> outbox.json.readTree(r.value()).get("sequence").asInt()).toList();
    }

}
