package org.edm.parser.processing;

import org.edm.parser.split.SplitResult;

/** What splitting one document gave: sections, or a permanent failure with a machine-readable reason. */
sealed interface SplitOutcome {

    /** Reason code for a failure outside the splitter's own reasons (a bug, or retries that ran out). */
    String PROCESSING_ERROR = "processing_error";

    /** Reason code when one event claimed the document {@code edm.parser.max-attempts} times without finishing. */
    String ATTEMPTS_EXHAUSTED = "attempts_exhausted";

    record Split(SplitResult result) implements SplitOutcome {
    }

    record Failed(String reason, String message) implements SplitOutcome {
    }
}
