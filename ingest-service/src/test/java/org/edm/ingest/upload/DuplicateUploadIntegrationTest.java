package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.edm.events.Topics;
import org.edm.ingest.IngestClient;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.KafkaTopicReader;
import org.junit.jupiter.api.Test;

/**
 * The same bytes under the same title and version are one document; an Idempotency-Key
 * makes retries safe.
 */
class DuplicateUploadIntegrationTest extends IngestIntegrationTest {

    @Test
    void sameUploadTwiceGivesOneDocumentAndOneEvent() {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            // given
            String title = uniqueTitle("Twice");
            Upload upload = Upload.of(TestPdfs.withText(title), title, "1.0");
            var first = client.upload(upload);

            // when
            var second = client.upload(upload);

            // then
            assertThat(first.status()).isEqualTo(202);
            assertThat(second.status()).as(second.raw()).isEqualTo(200);
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.body().path("duplicate").asBoolean()).isTrue();
            assertThat(second.header("Location")).endsWith("/api/documents/" + first.id());
            assertThat(documentsTitled(title)).isEqualTo(1);
            events.pollUntil(r -> !events.forKey(first.id()).isEmpty(), Duration.ofSeconds(30));
            events.drain(Duration.ofSeconds(1));
            assertThat(events.forKey(first.id())).hasSize(1);
            assertThat(storedFiles()).filteredOn(p -> p.toString().contains(".staging")).isEmpty();
        }
    }

    @Test
    void sameBytesUnderAnotherVersionAreAnotherDocument() {
        String title = uniqueTitle("Versions");
        byte[] pdf = TestPdfs.withText(title);

        var one = client.upload(Upload.of(pdf, title, "1.0"));
        var other = client.upload(Upload.of(pdf, title, "1.1"));

        assertThat(one.status()).isEqualTo(202);
        assertThat(other.status()).isEqualTo(202);
        assertThat(other.id()).isNotEqualTo(one.id());
    }

    @Test
    void concurrentIdenticalUploadsCreateOneDocument() throws Exception {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            // given
            String title = uniqueTitle("Race");
            Upload upload = Upload.of(TestPdfs.withText(title), title, "1.0");

            // when: ten clients send the same upload at once
            List<IngestClient.Response> responses = inParallel(10, () -> client.upload(upload));

            // then
            assertThat(responses).extracting(IngestClient.Response::status).containsOnly(200, 202);
            assertThat(responses).filteredOn(r -> r.status() == 202).hasSize(1);
            assertThat(responses).extracting(IngestClient.Response::id).containsOnly(responses.get(0).id());
            assertThat(documentsTitled(title)).isEqualTo(1);
            String id = responses.get(0).id();
            events.pollUntil(r -> !events.forKey(id).isEmpty(), Duration.ofSeconds(30));
            events.drain(Duration.ofSeconds(1));
            assertThat(events.forKey(id)).hasSize(1);
        }
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheFirstDocument() {
        // given
        String title = uniqueTitle("Retry");
        String key = UUID.randomUUID().toString();
        Upload upload = Upload.of(TestPdfs.withText(title), title, "1.0").withIdempotencyKey(key);
        var first = client.upload(upload);

        // when
        var retry = client.upload(upload);

        // then
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(documentsTitled(title)).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyOlderThanItsRetentionIsForgottenAndFreeForANewUpload() {
        // given: a key used for one upload, then aged past
        // edm.upload.idempotency-key-retention (24 h)
        String key = UUID.randomUUID().toString();
        String title = uniqueTitle("Expired key");
        var first = client.upload(Upload.of(TestPdfs.withText(title), title, "1.0").withIdempotencyKey(key));
        assertThat(first.status()).isEqualTo(202);
        String otherTitle = uniqueTitle("After expiry");
        Upload other = Upload.of(TestPdfs.withText(otherTitle), otherTitle, "1.0").withIdempotencyKey(key);
        assertThat(client.upload(other).status()).as("while the key lives").isEqualTo(422);
        jdbc.sql("UPDATE upload_idempotency_keys SET created_at = created_at - INTERVAL '25 hours' "
                + "WHERE idempotency_key = :key")
            .param("key", key)
            .update();

        // when: the key comes with another file
        var afterExpiry = client.upload(other);

        // then: a new document, not a reuse conflict, and the key now stands for it
        assertThat(afterExpiry.status()).as(afterExpiry.raw()).isEqualTo(202);
        assertThat(afterExpiry.id()).isNotEqualTo(first.id());
        var retry = client.upload(other);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.id()).isEqualTo(afterExpiry.id());
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneDocument() throws Exception {
        String title = uniqueTitle("Concurrent retry");
        Upload upload = Upload.of(TestPdfs.withText(title), title, "1.0")
            .withIdempotencyKey(UUID.randomUUID().toString());

        List<IngestClient.Response> responses = inParallel(6, () -> client.upload(upload));

        assertThat(responses).filteredOn(r -> r.status() == 202).hasSize(1);
        assertThat(responses).extracting(IngestClient.Response::id).containsOnly(responses.get(0).id());
        assertThat(documentsTitled(title)).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherFileIsRefusedAndStoresNothing() {
        // given
        String key = UUID.randomUUID().toString();
        String title = uniqueTitle("Key reuse");
        var first = client.upload(Upload.of(TestPdfs.withText(title), title, "1.0").withIdempotencyKey(key));
        var filesBefore = storedFiles();

        // when
        String otherTitle = uniqueTitle("Other file");
        var reused = client.upload(Upload.of(TestPdfs.withText(otherTitle), otherTitle, "1.0").withIdempotencyKey(key));

        // then
        assertThat(first.status()).isEqualTo(202);
        assertThat(reused.status()).as(reused.raw()).isEqualTo(422);
        assertThat(reused.problemType()).isEqualTo("https://edm.example/problems/idempotency-key-reused");
        assertThat(reused.body().path("documentId").asString()).isEqualTo(first.id());
        assertThat(documentsTitled(otherTitle)).isZero();
        assertThat(outboxRowsTitled(otherTitle)).isZero();
        assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(filesBefore);
    }

    @Test
    void identicalUploadUnderANewKeyIsADuplicateAndRemembersTheKey() {
        String title = uniqueTitle("Dup with key");
        Upload upload = Upload.of(TestPdfs.withText(title), title, "1.0");
        var first = client.upload(upload);
        String key = UUID.randomUUID().toString();

        var duplicate = client.upload(upload.withIdempotencyKey(key));
        var replay = client.upload(upload.withIdempotencyKey(key));

        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.id()).isEqualTo(first.id());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.id()).isEqualTo(first.id());
    }

    static <T> List<T> inParallel(int count, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }

}
