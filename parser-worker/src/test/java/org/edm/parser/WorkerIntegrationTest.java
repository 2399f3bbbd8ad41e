package org.edm.parser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.edm.events.DocumentUploaded;
import org.edm.events.Topics;
import org.edm.testsupport.RealInfrastructure;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context of this module's integration tests (one context, so one
 * consumer in the {@code parser-worker} group per test JVM): real PostgreSQL and Kafka, a
 * storage root under {@code target/}, short stale and retry settings. Helpers insert
 * document rows as ingest-service would and publish events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "edm.storage.root=target/it-storage", "edm.parser.timeout=90s", "edm.parser.stale-after=3s",
                "edm.parser.sweep-interval=1s", "edm.parser.consumer.concurrency=2", "edm.parser.consumer.retries=10",
                "edm.parser.consumer.initial-backoff=200ms", "edm.parser.consumer.max-backoff=1s",
                "edm.parser.max-text-characters=5000000", "edm.parser.max-attempts=3",
                "edm.parser.consumer.instance-id=" + WorkerIntegrationTest.INSTANCE_ID })
@RealInfrastructure
abstract class WorkerIntegrationTest {

    /**
     * {@code edm.parser.consumer.instance-id}: the consumers are static group members.
     */
    static final String INSTANCE_ID = "parser-it";

    static final Path STORAGE_ROOT = Path.of("target/it-storage").toAbsolutePath();

    private static final Set<String> FINAL = Set.of("done", "failed");

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected JsonMapper json;

    /**
     * Stores the PDF and inserts its document row in {@code pending}, as ingest-service
     * does on upload.
     */
    protected UUID pendingDocument(byte[] pdf) {
        UUID documentId = UUID.randomUUID();
        String key = store(documentId, pdf);
        insertDocument(documentId, key, "pending", pdf.length);
        return documentId;
    }

    /** Stores the PDF under the document's storage key and returns the key. */
    protected String store(UUID documentId, byte[] pdf) {
        String key = fileKey(documentId);
        try {
            Path file = STORAGE_ROOT.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, pdf);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    protected static String fileKey(UUID documentId) {
        return documentId.toString().substring(0, 2) + "/" + documentId + ".pdf";
    }

    protected void insertDocument(UUID documentId, String fileKey, String status, long sizeBytes) {
        jdbc.sql("""
                INSERT INTO documents (id, title, version, file_path, processing_status, metadata)
                VALUES (:id, :title, '1.0', :filePath, :status,
                        jsonb_build_object('sha256', CAST(:sha256 AS text), 'size_bytes', CAST(:size AS bigint)))
                """)
            .param("id", documentId)
            .param("title", "Test document " + documentId)
            .param("filePath", fileKey)
            .param("status", status)
            .param("sha256", sha256Of(documentId))
            .param("size", sizeBytes)
            .update();
    }

    /**
     * Asks for a reprocess as ingest-service does for a {@code done} document (its
     * DocumentRepository's MARK_FOR_REPROCESS and RECORD_REPROCESS_REQUEST): the status
     * stays, the request names the new event.
     */
    protected DocumentUploaded requestReprocess(UUID documentId) {
        DocumentUploaded event = DocumentUploaded.of(Instant.now(), documentId, "Test document " + documentId, "1.0",
                fileKey(documentId), 0, sha256Of(documentId), DocumentUploaded.TRIGGER_REPROCESS);
        int updated = jdbc.sql("""
                UPDATE documents
                   SET metadata = coalesce(metadata, '{}'::jsonb)
                           || jsonb_build_object('reprocess_event_id', CAST(:eventId AS text),
                                                 'reprocess_requested_at', CAST(:at AS text))
                 WHERE id = :id AND processing_status = 'done' AND metadata ->> 'processing_claim' IS NULL
                """)
            .param("id", documentId)
            .param("eventId", event.eventId().toString())
            .param("at", event.occurredAt().toString())
            .update();
        if (updated != 1) {
            throw new IllegalStateException("document " + documentId + " is not done and idle");
        }
        return event;
    }

    protected static String sha256Of(UUID documentId) {
        return HexFormat.of().formatHex((documentId.toString() + documentId).getBytes(), 0, 32);
    }

    protected DocumentUploaded uploadedEvent(UUID documentId) {
        return DocumentUploaded.of(Instant.now(), documentId, "Test document " + documentId, "1.0", fileKey(documentId),
                0, sha256Of(documentId), DocumentUploaded.TRIGGER_UPLOAD);
    }

    protected void publish(DocumentUploaded event) {
        publishRaw(event.documentId().toString(), json.writeValueAsString(event));
    }

    protected void publishRaw(String key, String value) {
        publishRaw(Topics.DOCUMENTS_UPLOADED, key, value);
    }

    protected void publishRaw(String topic, String key, String value) {
        var record = new ProducerRecord<>(topic, key, value);
        record.headers().add(Topics.EVENT_TYPE_HEADER, DocumentUploaded.TYPE.getBytes());
        kafka.send(record).join();
    }

    protected @Nullable String status(UUID documentId) {
        return jdbc.sql("SELECT processing_status FROM documents WHERE id = :id")
            .param("id", documentId)
            .query(String.class)
            .optional()
            .orElse(null);
    }

    /** Waits until the document is done or failed and returns that status. */
    protected String awaitFinalStatus(UUID documentId, Duration timeout) {
        return await().atMost(timeout)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> status(documentId), s -> s != null && FINAL.contains(s));
    }

    protected @Nullable String metadata(UUID documentId, String key) {
        return jdbc.sql("SELECT metadata ->> CAST(:key AS text) FROM documents WHERE id = :id")
            .param("id", documentId)
            .param("key", key)
            .query(String.class)
            .optional()
            .orElse(null);
    }

    protected List<StoredSection> sections(UUID documentId) {
        return jdbc.sql("""
                SELECT s.order_index, s.level, p.order_index AS parent_index, s.title, s.content, s.page_number
                  FROM sections s LEFT JOIN sections p ON p.id = s.parent_id
                 WHERE s.document_id = :id
                 ORDER BY s.order_index
                """)
            .param("id", documentId)
            .query((rs, n) -> new StoredSection(rs.getInt("order_index"), rs.getInt("level"),
                    (Integer) rs.getObject("parent_index"), rs.getString("title"), rs.getString("content"),
                    (Integer) rs.getObject("page_number")))
            .list();
    }

    protected int outboxRows(UUID documentId) {
        return jdbc.sql("""
                SELECT count(*) FROM outbox_events WHERE aggregate_id = :id AND event_type = 'DocumentProcessed'
                """).param("id", documentId).query(Integer.class).single();
    }

    protected int processedEventRows(UUID documentId) {
        return jdbc.sql("SELECT count(*) FROM processed_events WHERE document_id = :id AND consumer = 'parser-worker'")
            .param("id", documentId)
            .query(Integer.class)
            .single();
    }

    /** A row of {@code sections}, with the parent as its order index. */
    protected record StoredSection(int orderIndex, int level, @Nullable Integer parentIndex, String title,
            String content, @Nullable Integer pageNumber) {
    }

}
