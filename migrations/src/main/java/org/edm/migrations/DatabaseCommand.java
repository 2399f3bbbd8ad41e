package org.edm.migrations;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edm.migrations.undo.UndoScripts;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A command that works on a database: it takes the connection and script options, and
 * logs in once before doing anything, so that connection problems end as one line with
 * exit code {@value ExitCode#CANNOT_CONNECT}.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    private static final Pattern SCRIPT_NAME = Pattern.compile("(?:.*/)?[VU](.+?)__.*\\.sql");

    @ParentCommand
    MigrationTool tool;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    ScriptOptions scripts = new ScriptOptions();

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public final Integer call() throws Exception {
        refuseEarly();
        Database database = connection.database(tool.environment());
        database.checkConnection();
        return run(database);
    }

    /** Checks what can be refused before connecting at all; nothing by default. */
    void refuseEarly() {
    }

    abstract int run(Database database) throws Exception;

    PrintWriter out() {
        return tool.out();
    }

    ScriptLocations scriptLocations() {
        return scripts.locations(tool.workingDirectory());
    }

    FluentConfiguration flyway(Database database) {
        return database.flyway(scriptLocations());
    }

    UndoScripts undoScripts() {
        return UndoScripts.load(scriptLocations().undo(), MigrationTool.class.getClassLoader());
    }

    /** The scripts' versioned migrations (applied or not), oldest first. */
    static List<MigrationInfo> availableMigrations(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
            .filter(info -> info.isVersioned() && info.getState().isResolved() && info.getScript() != null
                    && !info.getType().isBaseline() && !info.getType().isSynthetic())
            .toList();
    }

    /**
     * A version as the user may write it: {@code 20261125.1210.002},
     * {@code 20261125_1210_002} or a script name such as
     * {@code V20261125_1210_002__outbox_and_upload_keys.sql}.
     */
    static MigrationVersion version(String text) {
        String trimmed = text.strip();
        Matcher script = SCRIPT_NAME.matcher(trimmed);
        String version = script.matches() ? script.group(1) : trimmed;
        try {
            return MigrationVersion.fromVersion(version.replace('_', '.'));
        }
        catch (RuntimeException e) {
            throw new CommandRefused("not a migration version: '" + text + "' (e.g. 20261125.1210.002)");
        }
    }

    /** The version the database is at, for closing lines such as "Now at version ...". */
    static String currentVersion(Flyway flyway) {
        return currentVersion(flyway.info());
    }

    static String currentVersion(MigrationInfoService info) {
        MigrationInfo current = info.current();
        return current == null || current.getVersion() == null ? "none (no migration applied)"
                : current.getVersion() + " (" + current.getDescription() + ")";
    }

}
