package org.edm.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A relay whose database sessions run in another time zone than the writers' (a service
 * on a host in Auckland, UTC+13 in November) must agree with them on how old a row is.
 */
class OutboxTimeZoneIntegrationTest {

    private static OutboxFixture utc;

    private static OutboxFixture auckland;

    @BeforeAll
    static void createDatabase() {
        utc = OutboxFixture.onNewDatabaseInZone("outbox_zone_test", "UTC");
        auckland = OutboxFixture.onDatabaseInZone("outbox_zone_test", "Pacific/Auckland");
    }

    @AfterAll
    static void close() {
        auckland.close();
        utc.close();
    }

    @Test
    void retentionCountsInUtcWhateverTheRelaysSessionZone() {
        // given: rows published 6 days 20 hours and 7 days 4 hours ago, by a relay whose
        // sessions run in UTC
        String topic = "outbox.zone." + UUID.randomUUID();
        UUID recent = utc.append(topic, UUID.randomUUID(), 0).eventId();
        UUID old = utc.append(topic, UUID.randomUUID(), 0).eventId();
        publishedAgo(recent, "6 days 20 hours");
        publishedAgo(old, "7 days 4 hours");

        // when: the cleanup runs on a relay whose sessions run in Auckland
        var relay = auckland.relay(OutboxFixture.unreachableBootstrapServers(), settings());
        relay.relay().start();
        await().atMost(Duration.ofSeconds(20)).until(() -> relay.counter("edm.outbox.cleaned") >= 1);
        relay.relay().stop();

        // then: only the row older than the 7 days of retention is gone
        assertThat(utc.jdbc.sql("SELECT id FROM outbox_events WHERE id IN (:ids)")
            .param("ids", List.of(recent, old))
            .query(UUID.class)
            .list()).containsExactly(recent);
    }

    @Test
    void aRowJustWrittenInOneZoneIsNotHoursOldForARelayInAnother() {
        // given: a row written now through a session in Auckland
        var row = auckland.append("outbox.zone." + UUID.randomUUID(), UUID.randomUUID(), 0);

        // when / then: a UTC session sees it created within the last minute, not 13 hours
        // ahead or behind
        assertThat(utc.jdbc.sql("""
                SELECT abs(EXTRACT(EPOCH FROM ((now() AT TIME ZONE 'UTC') - created_at)))
                FROM outbox_events WHERE id = :id
                """).param("id", row.eventId()).query(Double.class).single()).isLessThan(60);
        utc.jdbc.sql("DELETE FROM outbox_events WHERE id = :id").param("id", row.eventId()).update();
    }

    private static void publishedAgo(UUID id, String age) {
        utc.jdbc.sql("UPDATE outbox_events SET published_at = now() - CAST(:age AS interval) WHERE id = :id")
            .param("age", age)
            .param("id", id)
            .update();
    }

    private static OutboxSettings settings() {
        return new OutboxSettings(true, Duration.ofMillis(100), 50,
                new OutboxSettings.Backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(800)), Duration.ofSeconds(2),
                Duration.ofDays(7), Duration.ofHours(1), OutboxSettings.DEFAULT_LOCK_KEY, 5, Duration.ofDays(30));
    }

}
