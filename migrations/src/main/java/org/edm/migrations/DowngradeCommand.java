package org.edm.migrations;

import java.sql.Connection;
import java.util.List;

import org.edm.migrations.undo.Downgrade;
import org.edm.migrations.undo.Downgrade.Step;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code downgrade [--steps N]}: undoes the newest applied migrations with their undo
 * scripts, one transaction per step. Every undo script needed is checked before the first
 * step runs.
 */
@Command(name = "downgrade",
        description = { "Undo the newest N applied migrations (default 1): each step runs the undo script "
                + "db/undo/U<version>__<description>.sql and deletes the migration's history row in one transaction.",
                "All undo scripts needed must exist, or nothing is changed." })
final class DowngradeCommand extends DatabaseCommand {

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1",
            description = "How many migrations to undo (default: ${DEFAULT-VALUE})")
    int steps;

    @Override
    int run(Database database) throws Exception {
        Downgrade downgrade = new Downgrade(undoScripts());
        try (Connection connection = database.connect()) {
            List<Step> plan = downgrade.plan(connection, steps);
            for (Step step : plan) {
                long started = System.nanoTime();
                downgrade.run(connection, step);
                out().printf("Downgraded %s %s with %s in %d ms%n", step.version(), step.description(),
                        step.undo().name(), (System.nanoTime() - started) / 1_000_000);
            }
        }
        out().println("Now at version " + currentVersion(flyway(database).load()) + ".");
        return ExitCode.OK;
    }

}
