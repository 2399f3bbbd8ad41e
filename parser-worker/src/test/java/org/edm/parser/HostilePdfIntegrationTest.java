package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.edm.events.DocumentUploaded;
import org.edm.parser.split.SharedContentStreamTest;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile PDF never stops the worker: a document over the text budget fails as
 * {@code too_large}, and one that keeps killing its workers is failed after
 * {@code edm.parser.max-attempts} claims instead of being parsed again; either way the
 * record is done with and the next document is parsed.
 */
class HostilePdfIntegrationTest extends WorkerIntegrationTest {

    private static final Duration PARSED = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    @Test
    void pagesSharingOneHugeContentStreamFailAsTooLargeAndTheNextDocumentIsDone() throws IOException {
        // given: 2,000 pages that all show one 150,000-glyph stream (300 million
        // characters), then a normal PDF
        Path hostile = SharedContentStreamTest.sharedStreamPdf(directory.resolve("shared.pdf"),
                SharedContentStreamTest.PAGES, SharedContentStreamTest.GLYPHS_PER_PAGE);
        UUID hostileId = pendingDocument(Files.readAllBytes(hostile));
        UUID nextId = pendingDocument(TestPdfs.specificationWithOutline());

        // when
        publish(uploadedEvent(hostileId));
        publish(uploadedEvent(nextId));

        // then: the text budget (5,000,000 in these tests) stops it on page 34 of 2,000
        assertThat(awaitFinalStatus(hostileId, PARSED)).isEqualTo("failed");
        assertThat(metadata(hostileId, "failure_reason")).isEqualTo("too_large");
        assertThat(metadata(hostileId, "failure_message"))
            .isEqualTo("The document exceeds the parser's limits on pages or text.");
        assertThat(awaitFinalStatus(nextId, PARSED)).isEqualTo("done");
        assertThat(sections(nextId)).hasSize(TestPdfs.SPECIFICATION.size());
    }

    @Test
    void documentWhoseEventWasClaimedMaxAttemptsTimesIsFailedWithoutParsingAndTheNextDocumentIsDone() {
        // given: three workers claimed this event and died on the file (exit on
        // OutOfMemoryError): the record is
        // delivered a fourth time
        UUID documentId = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String key = store(documentId, TestPdfs.specificationWithOutline());
        jdbc.sql("""
                INSERT INTO documents (id, title, version, file_path, processing_status, metadata)
                VALUES (:id, :title, '1.0', :filePath, 'processing',
                        jsonb_build_object('sha256', CAST(:sha256 AS text), 'processing_claim', 'third-dead-worker',
                                           'processing_event_id', CAST(:eventId AS text), 'processing_attempts', 3))
                """)
            .param("id", documentId)
            .param("title", "Test document " + documentId)
            .param("filePath", key)
            .param("sha256", sha256Of(documentId))
            .param("eventId", event.toString())
            .update();
        UUID nextId = pendingDocument(TestPdfs.specificationWithOutline());

        // when
        publish(new DocumentUploaded(event, DocumentUploaded.TYPE, DocumentUploaded.SCHEMA_VERSION, Instant.now(),
                documentId, "Test document " + documentId, "1.0", key, 0, sha256Of(documentId),
                DocumentUploaded.TRIGGER_UPLOAD));
        publish(uploadedEvent(nextId));

        // then: failed with its reason, not parsed (no sections), the event recorded so
        // it is never tried again
        assertThat(awaitFinalStatus(documentId, PARSED)).isEqualTo("failed");
        assertThat(metadata(documentId, "failure_reason")).isEqualTo("attempts_exhausted");
        assertThat(metadata(documentId, "processing_attempts")).isNull();
        assertThat(sections(documentId)).isEmpty();
        assertThat(processedEventRows(documentId)).isEqualTo(1);
        assertThat(awaitFinalStatus(nextId, PARSED)).isEqualTo("done");
    }

}
