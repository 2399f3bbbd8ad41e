package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.edm.events.Topics;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;

/**
 * Uploads marked {@code X-Edm-Priority: bulk} are announced on the bulk topic, the others
 * on the usual one.
 */
class BulkUploadIntegrationTest extends IngestIntegrationTest {

    @Test
    void bulkUploadIsAnnouncedOnTheBulkTopicOnly() throws Exception {
        try (var bulk = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED_BULK);
                var interactive = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            // given
            byte[] pdf = TestPdfs.resource(TestPdfs.MOLD_UDP64);

            // when
            var response = client.upload(Upload.of(pdf, uniqueTitle("Bulk"), "1.0"), "bulk");

            // then
            assertThat(response.status()).as(response.raw()).isEqualTo(202);
            String id = response.id();
            bulk.pollUntil(records -> !bulk.forKey(id).isEmpty(), Duration.ofSeconds(30));
            assertThat(bulk.forKey(id)).hasSize(1);
            interactive.drain(Duration.ofSeconds(1));
            assertThat(interactive.forKey(id)).isEmpty();
        }
    }

    @Test
    void uploadWithoutPriorityStaysInteractive() throws Exception {
        try (var interactive = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            byte[] pdf = TestPdfs.resource(TestPdfs.MOLD_UDP64);

            var response = client.upload(Upload.of(pdf, uniqueTitle("Interactive"), "1.0"), "interactive");

            assertThat(response.status()).as(response.raw()).isEqualTo(202);
            interactive.pollUntil(records -> !interactive.forKey(response.id()).isEmpty(), Duration.ofSeconds(30));
        }
    }

    @Test
    void unknownPriorityIsRefusedWithAProblem() throws Exception {
        byte[] pdf = TestPdfs.resource(TestPdfs.MOLD_UDP64);

        var response = client.upload(Upload.of(pdf, uniqueTitle("Urgent"), "1.0"), "urgent");

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().path("type").asString()).endsWith("/field-invalid");
        assertThat(response.body().path("field").asString()).isEqualTo("X-Edm-Priority");
    }

}
