package org.edm.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Published on {@value Topics#DOCUMENTS_PROCESSED} when the parser finished a document,
 * successfully or not. Schema: {@code schemas/documents.processed.v1.json}.
 *
 * @param eventId unique per event
 * @param type always {@value #TYPE}
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param occurredAt when the final status was committed (UTC)
 * @param documentId the document, also the record key
 * @param uploadEventId the {@link DocumentUploaded#eventId()} that caused this run
 * @param status {@code done} or {@code failed}: the document's {@link ProcessingStatus}
 * after this run
 * @param sectionCount sections written (0 when failed)
 * @param pageCount pages in the PDF, null when it could not be read
 * @param durationMs time spent parsing and writing
 * @param failureReason when failed, the {@link FailureReason#code()} saying why (every
 * value is listed there: {@code not_a_pdf}, {@code encrypted}, {@code damaged},
 * {@code no_text}, {@code file_missing}, {@code too_large}, {@code timeout},
 * {@code processing_error}, {@code attempts_exhausted}), else null; kept a string on the
 * wire so that a reader meets a reason added later as a value, not as an error
 * @param failureMessage when failed, the reason's fixed {@link FailureReason#message()},
 * else null; at most {@value #MAX_FAILURE_MESSAGE_LENGTH} characters (longer ones are
 * cut, ending with {@code ...})
 */
public record DocumentProcessed(UUID eventId, String type, int schemaVersion, Instant occurredAt, UUID documentId,
        UUID uploadEventId, String status, int sectionCount, @Nullable Integer pageCount, long durationMs,
        @Nullable String failureReason, @Nullable String failureMessage) {

    public static final String TYPE = "DocumentProcessed";

    public static final int SCHEMA_VERSION = 1;

    public static final String STATUS_DONE = ProcessingStatus.DONE.value();

    public static final String STATUS_FAILED = ProcessingStatus.FAILED.value();

    /**
     * Longest {@code failureMessage}: a message built from an exception can carry
     * arbitrary text (a parser's message quoting a whole content stream), and an event
     * must stay far below Kafka's record size limit.
     */
    public static final int MAX_FAILURE_MESSAGE_LENGTH = 1_000;

    public DocumentProcessed {
        if (failureMessage != null && failureMessage.length() > MAX_FAILURE_MESSAGE_LENGTH) {
            failureMessage = failureMessage.substring(0, MAX_FAILURE_MESSAGE_LENGTH - 3) + "...";
        }
    }

    public static DocumentProcessed done(Instant occurredAt, UUID documentId, UUID uploadEventId, int sectionCount,
            int pageCount, long durationMs) {
        return new DocumentProcessed(UUID.randomUUID(), TYPE, SCHEMA_VERSION, occurredAt, documentId, uploadEventId,
                STATUS_DONE, sectionCount, pageCount, durationMs, null, null);
    }

    public static DocumentProcessed failed(Instant occurredAt, UUID documentId, UUID uploadEventId,
            @Nullable Integer pageCount, long durationMs, FailureReason reason) {
        return new DocumentProcessed(UUID.randomUUID(), TYPE, SCHEMA_VERSION, occurredAt, documentId, uploadEventId,
                STATUS_FAILED, 0, pageCount, durationMs, reason.code(), reason.message());
    }
}
