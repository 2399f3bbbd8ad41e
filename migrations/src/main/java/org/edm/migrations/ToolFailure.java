package org.edm.migrations;

/**
 * A failure the tool reports as one line on stderr, without a stack trace, and with its
 * own exit code. Each subclass is named for what happened.
 */
public abstract class ToolFailure extends RuntimeException {

    protected ToolFailure(String message) {
        super(message);
    }

    protected ToolFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code, one of {@link ExitCode}. */
    public abstract int exitCode();

}
