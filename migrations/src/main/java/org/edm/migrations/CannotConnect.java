package org.edm.migrations;

/** The database could not be reached or refused the login. */
final class CannotConnect extends ToolFailure {

    CannotConnect(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCode.CANNOT_CONNECT;
    }

}
