package org.edm.parser.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import org.edm.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worker on a JVM whose default zone is Pacific/Auckland (UTC+13 in November), as on
 * a host in that zone, next to services whose sessions run in UTC: its sessions must run
 * in UTC too, or a claim a worker refreshed a minute ago looks 13 hours old and is
 * stolen. Its own context (no listener, no relay), created after the zone is set.
 */
@SpringBootTest(properties = { "spring.kafka.listener.auto-startup=false", "edm.outbox.enabled=false",
        "edm.storage.root=target/it-storage-zone" })
@RealInfrastructure
class SessionTimeZoneIntegrationTest {

    private static final TimeZone ORIGINAL = TimeZone.getDefault();

    static {
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DocumentRepository documents;

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(ORIGINAL);
    }

    @Test
    void sessionsRunInUtcWhateverTheJvmZone() {
        assertThat(jdbc.sql("SELECT current_setting('TimeZone')").query(String.class).single()).isEqualTo("UTC");
    }

    @Test
    void aLiveClaimOfAWorkerInUtcIsNotStaleAndAnAbandonedOneIs() {
        // given: claims refreshed 1 and 20 minutes ago by workers whose sessions run in
        // UTC
        UUID live = processingSince(Duration.ofMinutes(1));
        UUID abandoned = processingSince(Duration.ofMinutes(20));

        // when
        List<UUID> stale = documents.findStale(Duration.ofMinutes(10), 10_000)
            .stream()
            .map(DocumentRepository.StaleDocument::documentId)
            .toList();

        // then
        assertThat(stale).contains(abandoned).doesNotContain(live);
        assertThat(documents.claimStale(live, UUID.randomUUID(), Duration.ofMinutes(10))).isEmpty();
        jdbc.sql("DELETE FROM documents WHERE id IN (:ids)").param("ids", List.of(live, abandoned)).update();
    }

    private UUID processingSince(Duration age) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO documents (id, title, version, file_path, processing_status, metadata, updated_at)
                VALUES (:id, :title, '1.0', :path, 'processing', jsonb_build_object('sha256', CAST(:id AS text)),
                        (now() AT TIME ZONE 'UTC') - make_interval(secs => :seconds))
                """)
            .param("id", id)
            .param("title", "Zone test " + id)
            .param("path", "zz/" + id + ".pdf")
            .param("seconds", (double) age.toSeconds())
            .update();
        return id;
    }

}
