package org.edm.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why the parser gave up on a document: the one vocabulary of
 * {@link DocumentProcessed#failureReason()}, {@code documents.metadata.failure_reason}
 * and {@code metadata.reprocess_failure_reason}. The wire form is {@link #code()}
 * ({@code not_a_pdf}, ...), listed again as the {@code failureReason} enum of
 * {@code schemas/documents.processed.v1.json}; {@link #message()} is the fixed,
 * user-facing text published with it (the raw detail, which may name hosts, classes and
 * paths, goes to the parser's log only).
 *
 * <p>
 * Adding a reason is a compatible change for readers that treat an unknown code as
 * "failed for some other reason" ({@link #fromCode} answers empty); a code is never
 * renamed or reused.
 */
public enum FailureReason {

    /** The file is not a PDF (no header, or it cannot be parsed at all). */
    NOT_A_PDF("The file is not a PDF."),
    /** The document needs a password the parser does not have. */
    ENCRYPTED("The PDF is encrypted and needs a password."),
    /** The file is a PDF but broken beyond reading (truncated, corrupt, no pages). */
    DAMAGED("The PDF is damaged and could not be read."),
    /**
     * The pages carry no extractable text, and OCR recognised none (e.g. scans without
     * Tesseract).
     */
    NO_TEXT("The PDF has no extractable text; scanned documents need OCR first."),
    /**
     * The stored file is absent or unreadable, or its storage key points outside the
     * storage root.
     */
    FILE_MISSING("The stored file of this document could not be found."),
    /** More pages, or more text, than the parser's configured limits. */
    TOO_LARGE("The document exceeds the parser's limits on pages or text."),
    /** The split took longer than the configured timeout. */
    TIMEOUT("Parsing the document took longer than the time limit."),
    /**
     * The splitter failed unexpectedly (a bug), or a transient error outlasted all
     * retries.
     */
    PROCESSING_ERROR("The parser could not process the document; see the parser's log."),
    /**
     * One event claimed the document the configured maximum of times and no claim
     * finished (its workers died).
     */
    ATTEMPTS_EXHAUSTED("Parsing the document was started several times and never finished; it is not tried again.");

    private final String message;

    FailureReason(String message) {
        this.message = message;
    }

    /** The stable wire form, e.g. {@code "not_a_pdf"}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The fixed, user-facing text published with this reason; at most a sentence, never
     * exception detail.
     */
    public String message() {
        return message;
    }

    /**
     * The reason whose {@link #code()} is {@code code}; empty for a code this version
     * does not know.
     */
    public static Optional<FailureReason> fromCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code().equals(code)).findFirst();
    }

}
