package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.edm.events.Topics;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With the broker stopped, uploads are still accepted; their events arrive, once each,
 * when it is back.
 */
class BrokerOutageIntegrationTest extends IngestIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void uploadsAreAcceptedWhileKafkaIsDownAndAnnouncedWhenItIsBack() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        assumeTrue(infrastructure.supportsOutages(), "needs the restartable embedded broker");
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            List<String> ids = new ArrayList<>();
            double failuresBefore = failures();

            // given: the broker is down
            infrastructure.stopKafka();
            try {
                // when: three documents are uploaded
                for (int i = 0; i < 3; i++) {
                    String title = uniqueTitle("During outage " + i);
                    var response = client.upload(Upload.of(TestPdfs.withText(title), title, "1"));

                    // then: each is accepted at once
                    assertThat(response.status()).as(response.raw()).isEqualTo(202);
                    ids.add(response.id());
                }
                // and their events wait in the outbox while the relay fails and backs off
                await().atMost(Duration.ofSeconds(30)).until(() -> failures() > failuresBefore);
                assertThat(unpublished(ids)).isEqualTo(3);
                var health = management.get("/actuator/health");
                assertThat(health.body().path("components").path("kafka").path("status").asString()).isEqualTo("DOWN");
                assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
            }
            finally {
                infrastructure.startKafka();
            }

            // then: once it is back, each event arrives exactly once
            events.pollUntil(records -> ids.stream().allMatch(id -> !events.forKey(id).isEmpty()),
                    Duration.ofSeconds(90));
            events.drain(Duration.ofSeconds(1));
            ids.forEach(id -> assertThat(events.forKey(id)).hasSize(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(ids) == 0);
        }
    }

    private double failures() {
        return meters.find("edm.outbox.failures").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private long unpublished(List<String> ids) {
        return jdbc
            .sql("SELECT count(*) FROM outbox_events WHERE published_at IS NULL "
                    + "AND aggregate_id IN (SELECT CAST(unnest(CAST(:ids AS text[])) AS uuid))")
            .param("ids", ids.toArray(String[]::new))
            .query(Long.class)
            .single();
    }

}
