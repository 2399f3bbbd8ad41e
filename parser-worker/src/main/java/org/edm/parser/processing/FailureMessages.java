package org.edm.parser.processing;

import java.util.Map;

import org.edm.parser.split.FailureReason;

/**
 * The text published for each failure reason, in {@code DocumentProcessed.failureMessage} and
 * {@code documents.metadata.failure_message} (which the documents API shows). It is fixed per reason: the raw
 * exception text may name hosts, ports, classes and paths, so it goes to the log only.
 */
final class FailureMessages {

    private static final Map<String, String> BY_REASON = Map.of(
            FailureReason.NOT_A_PDF.code(), "The file is not a PDF.",
            FailureReason.ENCRYPTED.code(), "The PDF is encrypted and needs a password.",
            FailureReason.DAMAGED.code(), "The PDF is damaged and could not be read.",
            FailureReason.NO_TEXT.code(), "The PDF has no extractable text; scanned documents need OCR first.",
            FailureReason.FILE_MISSING.code(), "The stored file of this document could not be found.",
            FailureReason.TOO_LARGE.code(), "The document exceeds the parser's limits on pages or text.",
            FailureReason.TIMEOUT.code(), "Parsing the document took longer than the time limit.",
            SplitOutcome.PROCESSING_ERROR, "The parser could not process the document; see the parser's log.",
            SplitOutcome.ATTEMPTS_EXHAUSTED,
            "Parsing the document was started several times and never finished; it is not tried again.");

    private static final String UNKNOWN = "The document could not be processed.";

    private FailureMessages() {
    }

    /** The user-facing message for a failure reason code. */
    static String of(String reason) {
        return BY_REASON.getOrDefault(reason, UNKNOWN);
    }
}
