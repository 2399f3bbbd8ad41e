package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.UUID;

import org.edm.testsupport.TestInfrastructure;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * PostgreSQL goes away while an upload event waits: the worker backs off, retries and
 * finishes the document.
 */
class DatabaseOutageIntegrationTest extends WorkerIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void documentUploadedDuringADatabaseOutageEndsDoneOnceTheDatabaseIsBack() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        assumeTrue(infrastructure.supportsOutages(), "outages need the embedded servers");
        // given
        UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());
        long failedBefore = failedDeliveries();

        // when: the event arrives while PostgreSQL is down, which stays down until a
        // delivery has failed
        infrastructure.stopPostgres();
        try {
            publish(uploadedEvent(documentId));
            await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> failedDeliveries() > failedBefore);
        }
        finally {
            infrastructure.startPostgres();
        }

        // then: the failed delivery was retried, and the document parsed once
        assertThat(awaitFinalStatus(documentId, Duration.ofSeconds(60))).isEqualTo("done");
        assertThat(sections(documentId)).hasSize(TestPdfs.SPECIFICATION.size());
        assertThat(processedEventRows(documentId)).isEqualTo(1);
        assertThat(outboxRows(documentId)).isEqualTo(1);
    }

    /**
     * Deliveries of {@code documents.uploaded} records whose listener call threw (the
     * container's own timer).
     */
    private long failedDeliveries() {
        return meters.find("spring.kafka.listener").tag("result", "failure").timers().stream().filter(timer -> {
            String name = timer.getId().getTag("name");
            return name != null && name.startsWith("documents-uploaded-") && !name.contains("bulk");
        }).mapToLong(Timer::count).sum();
    }

}
