package org.edm.parser.processing;

import org.edm.events.FailureReason;
import org.edm.parser.split.SplitResult;

/**
 * What splitting one document gave: sections, or a permanent failure with a
 * machine-readable reason.
 */
sealed interface SplitOutcome {

    record Split(SplitResult result) implements SplitOutcome {
    }

    /**
     * @param reason the published reason (its {@link FailureReason#message()} is what
     * users see)
     * @param detail what went wrong, for the log only: exception text, which may name
     * classes and limits
     */
    record Failed(FailureReason reason, String detail) implements SplitOutcome {
    }

}
