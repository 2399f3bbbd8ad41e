package org.edm.migrations;

/**
 * A migration or undo script failed while it ran; the message says what state the
 * database was left in.
 */
public class ScriptFailed extends ToolFailure {

    public ScriptFailed(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.FAILED;
    }

}
