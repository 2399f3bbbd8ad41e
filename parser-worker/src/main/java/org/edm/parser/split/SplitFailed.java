package org.edm.parser.split;

import java.util.Objects;
import org.edm.events.FailureReason;
import org.jspecify.annotations.Nullable;

/**
 * A document could not be split; {@link #reason()} says why, the message says it for
 * humans.
 */
public final class SplitFailed extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;

    public SplitFailed(FailureReason reason, String message) {
        this(reason, message, null);
    }

    public SplitFailed(FailureReason reason, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FailureReason reason() {
        return reason;
    }

}
