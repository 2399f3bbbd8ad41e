package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.DocumentProcessed;
import org.edm.events.DocumentUploaded;
import org.edm.events.Topics;
import org.edm.parser.processing.DocumentProcessor;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestPdfs;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

class DocumentUploadedIntegrationTest extends WorkerIntegrationTest {

    private static final Duration PARSED = Duration.ofSeconds(30);

    @Autowired
    DocumentProcessor processor;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void uploadedDocumentEndsDoneWithTheOutlineAsSectionTree() {
        // given
        UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());

        // when
        publish(uploadedEvent(documentId));

        // then
        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("done");
        List<StoredSection> sections = sections(documentId);
        assertThat(sections)
            .extracting(StoredSection::orderIndex, StoredSection::level, StoredSection::parentIndex,
                    StoredSection::title, StoredSection::pageNumber)
            .containsExactly(tuple(0, 1, null, "1 Introduction", 1), tuple(1, 2, 0, "1.1 Scope", 1),
                    tuple(2, 1, null, "2 Messages", 2), tuple(3, 2, 2, "2.1 Add Order", 2),
                    tuple(4, 2, 2, "2.2 Delete Order", 3));
        for (int i = 0; i < sections.size(); i++) {
            String content = sections.get(i).content();
            for (int j = 0; j < TestPdfs.SPECIFICATION.size(); j++) {
                String body = TestPdfs.SPECIFICATION.get(j).body();
                if (i == j) {
                    assertThat(content).as("content of section %d", i).contains(body);
                }
                else {
                    assertThat(content).as("content of section %d", i).doesNotContain(body);
                }
            }
        }
        Integer pageCount = jdbc.sql("SELECT page_count FROM documents WHERE id = :id")
            .param("id", documentId)
            .query(Integer.class)
            .single();
        assertThat(pageCount).isEqualTo(3);
        assertThat(metadata(documentId, "sha256")).as("ingest's metadata is kept").isEqualTo(sha256Of(documentId));
        assertThat(metadata(documentId, "outline_present")).isEqualTo("true");
        assertThat(metadata(documentId, "heading_source")).isEqualTo("outline");
        assertThat(metadata(documentId, "section_count")).isEqualTo("5");
        assertThat(metadata(documentId, "pdf_title")).isEqualTo("Test Specification");
        assertThat(metadata(documentId, "pdf_author")).isEqualTo("EDM tests");
        assertThat(metadata(documentId, "processing_claim")).isNull();
        assertThat(processedEventRows(documentId)).isEqualTo(1);
        assertThat(outboxRows(documentId)).isEqualTo(1);
    }

    @Test
    void reDeliveredEventLeavesOneSetOfSections() {
        // given
        UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());
        DocumentUploaded event = uploadedEvent(documentId);
        double skippedBefore = skipped("already_applied") + skipped("done");

        // when
        publish(event);
        publish(event);

        // then: the second delivery is recognised and changes nothing
        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("done");
        await().atMost(PARSED).until(() -> skipped("already_applied") + skipped("done") > skippedBefore);
        assertThat(sections(documentId)).hasSize(TestPdfs.SPECIFICATION.size());
        assertThat(processedEventRows(documentId)).isEqualTo(1);
        assertThat(outboxRows(documentId)).isEqualTo(1);
    }

    @Test
    void reprocessReplacesTheSectionsAndAStaleEventNeverMovesTheDocumentBack() {
        // given: a document parsed for its upload event
        UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());
        DocumentUploaded upload = uploadedEvent(documentId);
        publish(upload);
        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("done");
        double skippedBefore = skipped("already_applied");

        // when: ingest-service sets it back to pending for a reprocess event, and the old
        // event comes again
        jdbc.sql("UPDATE documents SET processing_status = 'pending' WHERE id = :id").param("id", documentId).update();
        DocumentUploaded reprocess = new DocumentUploaded(UUID.randomUUID(), DocumentUploaded.TYPE,
                DocumentUploaded.SCHEMA_VERSION, java.time.Instant.now(), documentId, upload.title(), upload.version(),
                upload.fileLocation(), upload.sizeBytes(), upload.sha256(), DocumentUploaded.TRIGGER_REPROCESS);
        publish(reprocess);
        await().atMost(PARSED).until(() -> processedEventRows(documentId) == 2);
        publish(upload);

        // then
        await().atMost(PARSED).until(() -> skipped("already_applied") > skippedBefore);
        assertThat(status(documentId)).isEqualTo("done");
        assertThat(sections(documentId)).hasSize(TestPdfs.SPECIFICATION.size());
        assertThat(outboxRows(documentId)).isEqualTo(2);
    }

    @Test
    void twoWorkersOnOneDocumentLeaveOneSetOfSections() throws Exception {
        // given: a rebalance hands the document's event to a second worker while the
        // first still parses it,
        // and a reprocess event for the same document arrives at a third
        UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());
        DocumentUploaded event = uploadedEvent(documentId);
        DocumentUploaded other = uploadedEvent(documentId);
        var start = new CyclicBarrier(3);

        // when
        List<CompletableFuture<Void>> workers = List.of(event, event, other)
            .stream()
            .map(e -> CompletableFuture.runAsync(() -> {
                arrive(start);
                processor.process(e);
            }))
            .toList();
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();

        // then
        assertThat(status(documentId)).isEqualTo("done");
        assertThat(sections(documentId)).hasSize(TestPdfs.SPECIFICATION.size());
        assertThat(processedEventRows(documentId)).isEqualTo(1);
        assertThat(outboxRows(documentId)).isEqualTo(1);
    }

    @Test
    void damagedPdfEndsFailedWithReason() {
        UUID documentId = pendingDocument(TestPdfs.resource(TestPdfs.DAMAGED_TRUNCATED));

        publish(uploadedEvent(documentId));

        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("failed");
        assertThat(metadata(documentId, "failure_reason")).isEqualTo("damaged");
        assertThat(metadata(documentId, "failure_message")).isEqualTo("The PDF is damaged and could not be read.");
        assertThat(metadata(documentId, "sha256")).isEqualTo(sha256Of(documentId));
        assertThat(sections(documentId)).isEmpty();
        assertThat(processedEventRows(documentId)).isEqualTo(1);
        assertThat(outboxRows(documentId)).isEqualTo(1);
    }

    @Test
    void pdfNeedingAPasswordEndsFailedEncrypted() {
        UUID documentId = pendingDocument(TestPdfs.resource(TestPdfs.ENCRYPTED));

        publish(uploadedEvent(documentId));

        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("failed");
        assertThat(metadata(documentId, "failure_reason")).isEqualTo("encrypted");
        assertThat(sections(documentId)).isEmpty();
    }

    @Test
    void fileThatIsNotAPdfEndsFailedNotAPdf() {
        UUID documentId = pendingDocument("just some text, no PDF header".getBytes(StandardCharsets.UTF_8));

        publish(uploadedEvent(documentId));

        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("failed");
        assertThat(metadata(documentId, "failure_reason")).isEqualTo("not_a_pdf");
    }

    @Test
    void missingFileEndsFailedFileMissing() {
        UUID documentId = UUID.randomUUID();
        insertDocument(documentId, fileKey(documentId), "pending", 0);

        publish(uploadedEvent(documentId));

        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("failed");
        assertThat(metadata(documentId, "failure_reason")).isEqualTo("file_missing");
        assertThat(metadata(documentId, "failure_message")).doesNotContain(STORAGE_ROOT.toString());
    }

    @Test
    void fileKeyEscapingTheStorageRootIsNeverOpened() {
        UUID documentId = UUID.randomUUID();
        insertDocument(documentId, "../../pom.xml", "pending", 0);

        publish(uploadedEvent(documentId));

        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("failed");
        assertThat(metadata(documentId, "failure_reason")).isEqualTo("file_missing");
        assertThat(metadata(documentId, "failure_message"))
            .isEqualTo("The stored file of this document could not be found.");
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicWhileLaterDocumentsAreParsed() {
        try (var deadLetters = KafkaTopicReader.atEnd(new String[] { Topics.DOCUMENTS_UPLOADED_DEAD_LETTER })) {
            // given
            String poisonKey = UUID.randomUUID().toString();
            UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());

            // when
            publishRaw(poisonKey, "{\"eventId\": not json");
            publish(uploadedEvent(documentId));

            // then
            List<ConsumerRecord<String, String>> records = deadLetters
                .pollUntil(received -> received.stream().anyMatch(r -> poisonKey.equals(r.key())), PARSED);
            ConsumerRecord<String, String> poison = records.stream()
                .filter(r -> poisonKey.equals(r.key()))
                .findFirst()
                .orElseThrow();
            assertThat(poison.value()).isEqualTo("{\"eventId\": not json");
            assertThat(
                    new String(poison.headers().lastHeader("kafka_dlt-exception-fqcn").value(), StandardCharsets.UTF_8))
                .contains("ListenerExecutionFailedException");
            assertThat(new String(poison.headers().lastHeader("kafka_dlt-exception-cause-fqcn").value(),
                    StandardCharsets.UTF_8))
                .endsWith("MalformedEvent");
            assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("done");
        }
    }

    @Test
    void transientErrorOutlastingTheRetriesSendsTheRecordToTheDeadLetterTopicAndFailsTheDocument() {
        // given: the database refuses every claim of this document with a serialization
        // failure (transient)
        UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());
        String trigger = "test_refuse_" + documentId.toString().replace("-", "");
        jdbc.sql("""
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.id = '%2$s'::uuid AND NEW.processing_status = 'processing' THEN
                        RAISE EXCEPTION 'simulated serialization failure' USING ERRCODE = '40001';
                    END IF;
                    RETURN NEW;
                END $$
                """.formatted(trigger, documentId)).update();
        jdbc.sql("CREATE TRIGGER %1$s BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION %1$s()"
            .formatted(trigger)).update();
        try (var deadLetters = KafkaTopicReader.atEnd(new String[] { Topics.DOCUMENTS_UPLOADED_DEAD_LETTER })) {
            // when
            publish(uploadedEvent(documentId));

            // then: retried with back-off (about 8 s with the test settings), then
            // dead-lettered and failed
            deadLetters.pollUntil(r -> !deadLetters.forKey(documentId.toString()).isEmpty(), PARSED);
            assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("failed");
            assertThat(metadata(documentId, "failure_reason")).isEqualTo("processing_error");
            // the published message is the reason's fixed text: the exception (SQL state,
            // hosts...) is logged only
            assertThat(metadata(documentId, "failure_message"))
                .isEqualTo("The parser could not process the document; see the parser's log.");
            assertThat(outboxRows(documentId)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT payload ->> 'failureMessage' FROM outbox_events WHERE aggregate_id = :id")
                .param("id", documentId)
                .query(String.class)
                .single()).isEqualTo("The parser could not process the document; see the parser's log.");
        }
        finally {
            jdbc.sql("DROP TRIGGER IF EXISTS %1$s ON documents".formatted(trigger)).update();
            jdbc.sql("DROP FUNCTION IF EXISTS %1$s()".formatted(trigger)).update();
        }
    }

    @Test
    void documentStuckInProcessingIsTakenOverAfterTheStaleTimeout() {
        // given: a worker claimed the document an hour ago and died
        UUID documentId = UUID.randomUUID();
        UUID stuckEvent = UUID.randomUUID();
        String key = store(documentId, TestPdfs.specificationWithOutline());
        jdbc.sql("""
                INSERT INTO documents (id, title, version, file_path, processing_status, metadata, updated_at)
                VALUES (:id, :title, '1.0', :filePath, 'processing',
                        jsonb_build_object('sha256', CAST(:sha256 AS text), 'processing_claim', 'dead-worker',
                                           'processing_event_id', CAST(:eventId AS text)),
                        localtimestamp - interval '1 hour')
                """)
            .param("id", documentId)
            .param("title", "Stuck document " + documentId)
            .param("filePath", key)
            .param("sha256", sha256Of(documentId))
            .param("eventId", stuckEvent.toString())
            .update();

        // then: the sweep takes it over and finishes it, crediting the stuck event
        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("done");
        assertThat(sections(documentId)).hasSize(TestPdfs.SPECIFICATION.size());
        Integer credited = jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :eventId")
            .param("eventId", stuckEvent)
            .query(Integer.class)
            .single();
        assertThat(credited).isEqualTo(1);
    }

    @Test
    void documentProcessedEventIsPublishedForDoneAndFailedDocuments() {
        try (var processed = KafkaTopicReader.atEnd(new String[] { Topics.DOCUMENTS_PROCESSED })) {
            // given
            UUID done = pendingDocument(TestPdfs.specificationWithOutline());
            UUID failed = pendingDocument("not a pdf".getBytes(StandardCharsets.UTF_8));
            DocumentUploaded doneEvent = uploadedEvent(done);
            DocumentUploaded failedEvent = uploadedEvent(failed);

            // when
            publish(doneEvent);
            publish(failedEvent);

            // then
            processed.pollUntil(
                    r -> !processed.forKey(done.toString()).isEmpty() && !processed.forKey(failed.toString()).isEmpty(),
                    PARSED);
            ConsumerRecord<String, String> doneRecord = processed.forKey(done.toString()).get(0);
            assertThat(new String(doneRecord.headers().lastHeader(Topics.EVENT_TYPE_HEADER).value(),
                    StandardCharsets.UTF_8))
                .isEqualTo(DocumentProcessed.TYPE);
            DocumentProcessed doneProcessed = json.readValue(doneRecord.value(), DocumentProcessed.class);
            assertThat(doneProcessed.documentId()).isEqualTo(done);
            assertThat(doneProcessed.uploadEventId()).isEqualTo(doneEvent.eventId());
            assertThat(doneProcessed.status()).isEqualTo(DocumentProcessed.STATUS_DONE);
            assertThat(doneProcessed.sectionCount()).isEqualTo(TestPdfs.SPECIFICATION.size());
            assertThat(doneProcessed.pageCount()).isEqualTo(3);
            assertThat(doneProcessed.failureReason()).isNull();
            DocumentProcessed failedProcessed = json.readValue(processed.forKey(failed.toString()).get(0).value(),
                    DocumentProcessed.class);
            assertThat(failedProcessed.status()).isEqualTo(DocumentProcessed.STATUS_FAILED);
            assertThat(failedProcessed.uploadEventId()).isEqualTo(failedEvent.eventId());
            assertThat(failedProcessed.sectionCount()).isZero();
            assertThat(failedProcessed.failureReason()).isEqualTo("not_a_pdf");
            assertThat(failedProcessed.failureMessage()).isEqualTo("The file is not a PDF.");
        }
    }

    @Test
    void healthReportsDatabaseKafkaAndSplitPoolUp() {
        JsonNode health = RestClient.create("http://localhost:" + port)
            .get()
            .uri("/actuator/health")
            .retrieve()
            .body(JsonNode.class);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        JsonNode splitPool = health.path("components").path("splitPool");
        assertThat(splitPool.path("status").asString()).isEqualTo("UP");
        assertThat(splitPool.path("details").path("overdue").asInt(-1)).isZero();
    }

    @Test
    void metersCountDocumentsPagesAndFailures() {
        // given
        double done = count("edm.parser.documents", "status", "done");
        double failed = count("edm.parser.documents", "status", "failed");
        double notAPdf = count("edm.parser.failures", "reason", "not_a_pdf");
        double pages = count("edm.parser.pages", null, null);
        long splitTimings = meters.find("edm.parser.split.duration").timers().stream().mapToLong(Timer::count).sum();
        UUID parsed = pendingDocument(TestPdfs.specificationWithOutline());
        UUID refused = pendingDocument("not a pdf".getBytes(StandardCharsets.UTF_8));

        // when
        publish(uploadedEvent(parsed));
        publish(uploadedEvent(refused));
        assertThat(awaitFinalStatus(parsed, PARSED)).isEqualTo("done");
        assertThat(awaitFinalStatus(refused, PARSED)).isEqualTo("failed");

        // then: one document each way, its pages, its failure reason (counted just after
        // the commit)
        await().atMost(Duration.ofSeconds(10))
            .until(() -> count("edm.parser.documents", "status", "failed") > failed
                    && count("edm.parser.documents", "status", "done") > done);
        assertThat(count("edm.parser.documents", "status", "done")).isEqualTo(done + 1);
        assertThat(count("edm.parser.documents", "status", "failed")).isEqualTo(failed + 1);
        assertThat(count("edm.parser.failures", "reason", "not_a_pdf")).isEqualTo(notAPdf + 1);
        int pageCount = jdbc.sql("SELECT page_count FROM documents WHERE id = :id")
            .param("id", parsed)
            .query(Integer.class)
            .single();
        assertThat(count("edm.parser.pages", null, null)).isEqualTo(pages + pageCount);
        assertThat(meters.find("edm.parser.split.duration").timers().stream().mapToLong(Timer::count).sum())
            .isEqualTo(splitTimings + 2);
        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").meters())
            .as("consumer lag from the Kafka client metrics")
            .isNotEmpty();
    }

    private double count(String name, @Nullable String tag, @Nullable String value) {
        var search = tag == null ? meters.find(name) : meters.find(name).tag(tag, value);
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private double skipped(String why) {
        var counter = meters.find("edm.parser.skipped").tag("why", why).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
