package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.Topics;
import org.edm.ingest.IngestClient;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.KafkaTopicReader;
import org.junit.jupiter.api.Test;

class ConcurrentUploadIntegrationTest extends IngestIntegrationTest {

    @Test
    void fiftyConcurrentUploadsGiveFiftyDocumentsAndFiftyEvents() throws Exception {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            // given: fifty different PDFs
            String batch = UUID.randomUUID().toString();
            List<Upload> uploads = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String title = "Concurrent " + batch + " #" + i;
                uploads.add(Upload.of(TestPdfs.withText(title), title, "1.0"));
            }

            // when: sent by 16 clients at once
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<IngestClient.Response>> futures = new ArrayList<>();
            try {
                uploads.forEach(upload -> futures.add(pool.submit(() -> client.upload(upload))));
                Set<String> ids = new HashSet<>();
                for (Future<IngestClient.Response> future : futures) {
                    IngestClient.Response response = future.get();
                    assertThat(response.status()).as(response.raw()).isEqualTo(202);
                    ids.add(response.id());
                }

                // then
                assertThat(ids).hasSize(50);
                assertThat(jdbc.sql("SELECT count(*) FROM documents WHERE title LIKE :prefix")
                    .param("prefix", "Concurrent " + batch + " #%")
                    .query(Long.class)
                    .single()).isEqualTo(50);
                events.pollUntil(records -> records.stream().filter(r -> ids.contains(r.key())).count() >= 50,
                        Duration.ofSeconds(60));
                List<ConsumerRecord<String, String>> all = events.drain(Duration.ofSeconds(1));
                assertThat(all.stream().filter(r -> ids.contains(r.key())).map(ConsumerRecord::key)).hasSize(50)
                    .doesNotHaveDuplicates();
            }
            finally {
                pool.shutdownNow();
            }
        }
    }

}
