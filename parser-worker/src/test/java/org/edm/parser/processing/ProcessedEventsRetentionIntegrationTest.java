package org.edm.parser.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.edm.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The idempotent consumer's log stays bounded: entries past the retention go, recent ones stay. */
@SpringBootTest(properties = {
        "spring.kafka.listener.auto-startup=false",
        "edm.outbox.enabled=false",
        "edm.storage.root=target/it-storage-retention",
        "edm.parser.processed-events.retention=30d" })
@RealInfrastructure
class ProcessedEventsRetentionIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessedEventsRetention retention;

    @Test
    void entriesOlderThanTheRetentionAreDeletedAndRecentOnesKept() {
        // given
        UUID old = processedAgo("31 days");
        UUID recent = processedAgo("29 days");
        UUID fresh = processedAgo("1 minute");

        // when
        int deleted = retention.run();

        // then
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT event_id FROM processed_events WHERE event_id IN (:ids)")
                .param("ids", List.of(old, recent, fresh)).query(UUID.class).list())
                .containsExactlyInAnyOrder(recent, fresh);
    }

    private UUID processedAgo(String age) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO processed_events (event_id, consumer, document_id, processed_at)
                VALUES (:id, 'retention-test', NULL, localtimestamp - CAST(:age AS interval))
                """).param("id", eventId).param("age", age).update();
        return eventId;
    }
}
