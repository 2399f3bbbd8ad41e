package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.edm.events.DocumentUploaded;
import org.edm.events.Topics;
import org.edm.outbox.KafkaCluster;
import org.edm.testsupport.TestInfrastructure;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What ingest-service's pending sweeper relies on: a {@code recovery} announcement of a
 * document is parsed like an upload, and together with the original event arriving late
 * (a replay from the dead-letter topic) the document is still parsed once. And the
 * dead-letter topic's depth is visible.
 */
class RecoveryIntegrationTest extends WorkerIntegrationTest {

    private static final Duration PARSED = Duration.ofSeconds(30);

    @Autowired
    KafkaCluster cluster;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRecoveryAnnouncementIsParsedOnceEvenWhenTheOriginalEventArrivesLate() throws Exception {
        // given: a pending document whose upload event went to the dead-letter topic
        UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());
        DocumentUploaded original = uploadedEvent(documentId);
        DocumentUploaded recovery = DocumentUploaded.of(original.occurredAt(), documentId, original.title(),
                original.version(), original.fileLocation(), original.sizeBytes(), original.sha256(),
                DocumentUploaded.TRIGGER_RECOVERY);

        // when: the recovery announcement arrives, then the original (replayed) and the
        // recovery again
        send(recovery);
        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("done");
        int sections = sections(documentId).size();
        send(original);
        RecordMetadata last = send(recovery);
        awaitConsumedBeyond(last);

        // then: parsed once
        assertThat(status(documentId)).isEqualTo("done");
        assertThat(sections(documentId)).hasSize(sections);
        assertThat(outboxRows(documentId)).isEqualTo(1);
    }

    @Test
    void deadLetterDepthCountsTheRecordsOfTheDeadLetterTopic() throws Exception {
        // given
        long before = cluster.recordCount(Topics.DOCUMENTS_UPLOADED_DEAD_LETTER);

        // when: a poison record is dead-lettered
        publishRaw(UUID.randomUUID().toString(), "{\"eventId\": not json");

        // then
        await().atMost(PARSED).until(() -> cluster.recordCount(Topics.DOCUMENTS_UPLOADED_DEAD_LETTER) > before);
        await().atMost(Duration.ofSeconds(45))
            .until(() -> meters.get("edm.parser.dead.letters").gauge().value() > before);
    }

    private RecordMetadata send(DocumentUploaded event) {
        var record = new ProducerRecord<>(Topics.DOCUMENTS_UPLOADED, event.documentId().toString(),
                json.writeValueAsString(event));
        record.headers().add(Topics.EVENT_TYPE_HEADER, DocumentUploaded.TYPE.getBytes());
        return kafka.send(record).join().getRecordMetadata();
    }

    /**
     * Waits until the parser's consumer group committed an offset past the given record.
     */
    private static void awaitConsumedBeyond(RecordMetadata record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers()))) {
            await().atMost(PARSED).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("parser-worker")
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

}
