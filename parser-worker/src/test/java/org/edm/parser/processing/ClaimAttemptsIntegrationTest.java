package org.edm.parser.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attempt counter stops a file that kills its workers; it must count workers that
 * died on the event, not the claims one live worker makes. Found by the fault soak (issue
 * 12): after a restart, the worker's stale sweep and the re-delivered record both claimed
 * the same event, so two restarts during one parse ended a good specification
 * {@code failed} / {@code attempts_exhausted} with the default
 * {@code edm.parser.max-attempts} of 3.
 */
class ClaimAttemptsIntegrationTest {

    private static final Duration STALE_AFTER = Duration.ofMinutes(1);

    static JdbcClient jdbc;
    static NamedParameterJdbcTemplate batch;

    @BeforeAll
    static void database() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(infrastructure.jdbcUrl());
        dataSource.setUser(infrastructure.username());
        dataSource.setPassword(infrastructure.password());
        dataSource.setOptions("-c TimeZone=UTC"); // as the services' sessions
        jdbc = JdbcClient.create(dataSource);
        batch = new NamedParameterJdbcTemplate(dataSource);
    }

    @Test
    void staleSweepAndReDeliveryInOneWorkerCountAsOneAttempt() {
        // given: an event two workers claimed and died on, its claim stale
        UUID event = UUID.randomUUID();
        UUID document = processingStale(event, 2);
        var worker = new DocumentRepository(jdbc, batch);

        // when: this worker's stale sweep takes it over, then the record of that event is
        // re-delivered to it
        Claim swept = worker.claimStale(document, event, STALE_AFTER).orElseThrow();
        Claim redelivered = worker.claim(document, event, STALE_AFTER).orElseThrow();

        // then: the third worker's attempt, within the default limit of 3: the document
        // is parsed, not failed
        assertThat(swept.attempt()).isEqualTo(3);
        assertThat(redelivered.attempt()).isEqualTo(3);
    }

    @Test
    void eachNewWorkerThatClaimsTheEventCountsAnAttempt() {
        // given: an event one worker claimed and died on
        UUID event = UUID.randomUUID();
        UUID document = processingStale(event, 1);

        // when: a second and a third worker process (each its own repository) claim the
        // re-delivered record
        Claim second = new DocumentRepository(jdbc, batch).claim(document, event, STALE_AFTER).orElseThrow();
        Claim third = new DocumentRepository(jdbc, batch).claim(document, event, STALE_AFTER).orElseThrow();

        // then: a file that kills every worker still runs out of attempts
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(third.attempt()).isEqualTo(3);
    }

    /**
     * A document in processing for {@code event}, claimed {@code attempts} times, last
     * heard of 10 minutes ago.
     */
    private static UUID processingStale(UUID event, int attempts) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO documents (id, title, version, file_path, processing_status, metadata, updated_at)
                VALUES (:id, :title, '1.0', :path, 'processing',
                        jsonb_build_object('sha256', CAST(:id AS text), 'processing_claim', 'dead-worker',
                                           'processing_event_id', CAST(:event AS text),
                                           'processing_attempts', :attempts),
                        (now() AT TIME ZONE 'UTC') - interval '10 minutes')
                """)
            .param("id", id)
            .param("title", "Claim attempts " + id)
            .param("path", "zz/" + id + ".pdf")
            .param("event", event.toString())
            .param("attempts", attempts)
            .update();
        return id;
    }

}
