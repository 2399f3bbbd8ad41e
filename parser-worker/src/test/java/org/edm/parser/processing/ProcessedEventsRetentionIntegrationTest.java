package org.edm.parser.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.edm.testsupport.RealInfrastructure;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idempotent consumer's log stays bounded: entries past the retention go, recent ones
 * stay.
 */
@SpringBootTest(properties = { "spring.kafka.listener.auto-startup=false", "edm.outbox.enabled=false",
        "edm.storage.root=target/it-storage-retention", "edm.parser.processed-events.retention=30d" })
@RealInfrastructure
class ProcessedEventsRetentionIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessedEventsRetention retention;

    @Autowired
    ProcessedEventsSettings retentionSettings;

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
            .param("ids", List.of(old, recent, fresh))
            .query(UUID.class)
            .list()).containsExactlyInAnyOrder(recent, fresh);
    }

    @Test
    void theParserRoleMayDeleteTheEntriesItsRetentionRemoves() {
        // given: the service logs in as edm_parser (migration V20261129_2100_402), as on
        // the local stack and in
        // compose; a failed cleanup only logs a warning, so nothing else would notice a
        // missing privilege
        UUID old = processedAgo("31 days");
        jdbc.sql("ALTER ROLE edm_parser LOGIN PASSWORD 'retention-test'").update();
        PGSimpleDataSource asParser = new PGSimpleDataSource();
        asParser.setURL(TestInfrastructure.shared().jdbcUrl());
        asParser.setUser("edm_parser");
        asParser.setPassword("retention-test");
        ProcessedEventsRetention parserRetention = new ProcessedEventsRetention(
                JdbcClient.create((DataSource) asParser), retentionSettings);

        // when
        int deleted = parserRetention.run();

        // then
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
            .param("id", old)
            .query(Long.class)
            .single()).isZero();
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
