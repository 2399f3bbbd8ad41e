package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.UUID;

import org.edm.testsupport.TestInfrastructure;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;

/** PostgreSQL goes away while an upload event waits: the worker backs off, retries and finishes the document. */
class DatabaseOutageIntegrationTest extends WorkerIntegrationTest {

    @Test
    void documentUploadedDuringADatabaseOutageEndsDoneOnceTheDatabaseIsBack() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        assumeTrue(infrastructure.supportsOutages(), "outages need the embedded servers");
        // given
        UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());

        // when
        infrastructure.stopPostgres();
        try {
            publish(uploadedEvent(documentId));
            Thread.sleep(1500);
        } finally {
            infrastructure.startPostgres();
        }

        // then
        assertThat(awaitFinalStatus(documentId, Duration.ofSeconds(60))).isEqualTo("done");
        assertThat(sections(documentId)).hasSize(TestPdfs.SPECIFICATION.size());
        assertThat(processedEventRows(documentId)).isEqualTo(1);
        assertThat(outboxRows(documentId)).isEqualTo(1);
    }
}
