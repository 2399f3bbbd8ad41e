package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;

import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * With PostgreSQL down an upload is refused with 503 and leaves no file; once it is back,
 * uploads work again.
 */
class DatabaseOutageIntegrationTest extends IngestIntegrationTest {

    @Test
    void uploadsAreRefusedCleanlyWhileTheDatabaseIsDownAndWorkWhenItIsBack() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        assumeTrue(infrastructure.supportsOutages(), "needs the restartable embedded PostgreSQL");
        String title = uniqueTitle("During database outage");
        Upload upload = Upload.of(TestPdfs.withText(title), title, "1");
        List<java.nio.file.Path> before = storedFiles();

        infrastructure.stopPostgres();
        try {
            var refused = client.upload(upload);

            assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
            assertThat(refused.problemType()).isEqualTo("https://edm.example/problems/database-unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(before);
        }
        finally {
            infrastructure.startPostgres();
        }

        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> client.upload(upload).status() == 202);
        assertThat(documentsTitled(title)).isEqualTo(1);
    }

}
