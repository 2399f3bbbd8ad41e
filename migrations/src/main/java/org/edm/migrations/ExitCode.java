package org.edm.migrations;

/**
 * The process exit codes of the migration tool; the README and {@code --help} list them
 * too.
 */
public final class ExitCode {

    /** The command did what was asked. */
    public static final int OK = 0;

    /**
     * {@code verify} found the database different from the contract, or {@code validate}
     * found a problem.
     */
    public static final int CHECK_FAILED = 1;

    /**
     * The database could not be reached: bad URL, unknown host, refused connection, wrong
     * password.
     */
    public static final int CANNOT_CONNECT = 2;

    /**
     * The command was refused before anything changed (missing undo script, unconfirmed
     * reset, bad target).
     */
    public static final int REFUSED = 3;

    /** A migration, undo script or Flyway operation failed. */
    public static final int FAILED = 4;

    /**
     * The command line itself was wrong (unknown command or option, missing argument).
     */
    public static final int USAGE = 64;

    private ExitCode() {
    }

}
