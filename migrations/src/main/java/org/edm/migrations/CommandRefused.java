package org.edm.migrations;

/** The command was refused before it changed anything, for the reason in the message. */
public class CommandRefused extends ToolFailure {

    public CommandRefused(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCode.REFUSED;
    }

}
