package org.edm.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

import org.flywaydb.core.api.FlywayException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The migration tool,
 * {@code java -jar migrations/target/edm-migrations.jar <command> [options]}: Alembic's
 * commands over Flyway, with undo scripts for downgrades and a check of the live schema
 * against the contract.
 * <p>
 * Commands: {@code current}, {@code history}, {@code upgrade}, {@code downgrade},
 * {@code new}, {@code stamp}, {@code baseline}, {@code repair}, {@code validate},
 * {@code verify}, {@code reset}, {@code roles} for the services' database roles, and
 * {@code keys create|list|revoke} for API keys; each has {@code --help}. Exit codes are
 * those of {@link ExitCode}. Failures print one line,
 * {@code edm-migrations: <what happened>}, on stderr.
 */
@Command(name = "edm-migrations", mixinStandardHelpOptions = true, versionProvider = MigrationTool.Version.class,
        description = "Schema migrations of the Exchange Documentation Manager: Flyway with undo scripts.",
        subcommands = { CurrentCommand.class, HistoryCommand.class, UpgradeCommand.class, DowngradeCommand.class,
                NewCommand.class, StampCommand.class, BaselineCommand.class, RepairCommand.class, ValidateCommand.class,
                VerifyCommand.class, ResetCommand.class, RolesCommand.class, KeysCommand.class,
                CommandLine.HelpCommand.class },
        exitCodeOnInvalidInput = ExitCode.USAGE, exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:done", "1:verify found differences from the contract, or validate found problems",
                "2:cannot connect (bad URL, unknown host, refused connection, wrong user or password)",
                "3:refused, nothing changed (missing undo script, unconfirmed reset, unknown version...)",
                "4:a migration, undo script or Flyway operation failed", "64:wrong command line" },
        footerHeading = "%nConnection:%n",
        footer = { "--url/--user/--password, else EDM_DB_URL/EDM_DB_USER/EDM_DB_PASSWORD, else libpq's "
                + "PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD; default " + ConnectionOptions.DEFAULT_URL + " as "
                + ConnectionOptions.DEFAULT_USER + "." })
public final class MigrationTool implements Callable<Integer> {

    private static final String NAME = "edm-migrations";

    /**
     * Held strongly: java.util.logging keeps loggers only weakly, and would forget the
     * level set on it.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private final Map<String, String> environment;

    private final PrintWriter out;

    private final PrintWriter err;

    private final Clock clock;

    private final Path workingDirectory;

    @Spec
    CommandSpec spec;

    /**
     * @param environment where EDM_DB_* and PG* settings are read (the process
     * environment in {@link #main})
     * @param out normal output
     * @param err errors, one line each
     * @param clock the time {@code new} names migrations by
     * @param workingDirectory what relative paths ({@code --scripts}) are resolved
     * against
     */
    public MigrationTool(Map<String, String> environment, PrintWriter out, PrintWriter err, Clock clock,
            Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.workingDirectory = workingDirectory;
    }

    public static void main(String[] args) {
        Handler flywayWarnings = quietFlyway();
        int exitCode = new MigrationTool(System.getenv(),
                new PrintWriter(System.out, true, java.nio.charset.Charset.defaultCharset()),
                new PrintWriter(System.err, true, java.nio.charset.Charset.defaultCharset()), Clock.systemDefaultZone(),
                Path.of(""))
            .execute(args);
        flywayWarnings.flush();
        System.exit(exitCode);
    }

    /**
     * Runs one command line and returns its exit code; never throws, never exits the JVM.
     */
    public int execute(String... args) {
        CommandLine commandLine = new CommandLine(this);
        commandLine.setOut(out);
        commandLine.setErr(err);
        IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            usage.handleParseException(exception, arguments);
            return ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            command.getErr().println(NAME + ": " + describe(exception));
            if (isUnexpected(exception)) {
                exception.printStackTrace(command.getErr());
            }
            return exitCode(exception);
        });
        try {
            return commandLine.execute(args);
        }
        finally {
            out.flush();
            err.flush();
        }
    }

    /** Without a command: the usage, and the exit code of a wrong command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return ExitCode.USAGE;
    }

    Map<String, String> environment() {
        return environment;
    }

    PrintWriter out() {
        return out;
    }

    Clock clock() {
        return clock;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    private static String describe(Exception exception) {
        if (exception instanceof ToolFailure || exception instanceof FlywayException) {
            return String.valueOf(exception.getMessage()).strip();
        }
        if (exception instanceof SQLException sql) {
            String message = String.valueOf(sql.getMessage()).strip();
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
        return "unexpected " + exception;
    }

    private static boolean isUnexpected(Exception exception) {
        return !(exception instanceof ToolFailure || exception instanceof FlywayException
                || exception instanceof SQLException);
    }

    private static int exitCode(Exception exception) {
        return exception instanceof ToolFailure failure ? failure.exitCode() : ExitCode.FAILED;
    }

    /**
     * Flyway logs through java.util.logging when it runs alone in the jar: keep its INFO
     * chatter out of the tool's output and print its warnings as one line each.
     */
    private static Handler quietFlyway() {
        Handler handler = new StreamHandler(System.err, new Formatter() {
            @Override
            public String format(LogRecord record) {
                return "flyway " + record.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                        + formatMessage(record) + System.lineSeparator();
            }
        });
        FLYWAY_LOG.setUseParentHandlers(false);
        FLYWAY_LOG.addHandler(handler);
        FLYWAY_LOG.setLevel(Level.WARNING);
        return handler;
    }

    /** {@code --version}: this tool's version and Flyway's. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            String tool = MigrationTool.class.getPackage().getImplementationVersion();
            return new String[] {
                    NAME + " " + (tool == null ? "(development build)" : tool) + ", Flyway " + flywayVersion() };
        }

        private static String flywayVersion() {
            try (InputStream in = FlywayException.class
                .getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
                return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            catch (IOException e) {
                return "unknown";
            }
        }

    }

}
