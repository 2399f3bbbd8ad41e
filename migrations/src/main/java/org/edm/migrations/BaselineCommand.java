package org.edm.migrations;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.BaselineResult;
import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baseline [--version V]}: Flyway's baseline for an existing database without
 * history: one marker row at V; migrations up to V will never run and cannot be
 * downgraded (use {@code stamp} to keep them undoable).
 */
@Command(name = "baseline",
        description = { "Start the history of an existing database that has none: record one baseline marker at "
                + "--version (default: the latest script). Migrations up to it will never run, and downgrade stops "
                + "at the baseline; `stamp` records them one by one instead, so they stay undoable." })
final class BaselineCommand extends DatabaseCommand {

    @Option(names = "--version", paramLabel = "VERSION",
            description = "The version the existing schema corresponds to (default: the latest script)")
    @Nullable String baselineVersion;

    @Option(names = "--description", paramLabel = "TEXT", defaultValue = "baseline",
            description = "Description of the baseline row (default: ${DEFAULT-VALUE})")
    String description = "baseline";

    @Override
    int run(Database database) {
        Flyway probe = flyway(database).load();
        if (probe.info().applied().length > 0) {
            throw new CommandRefused("the database already has a migration history (at " + currentVersion(probe)
                    + "); baseline is for databases without one, `stamp` moves an existing history");
        }
        List<MigrationInfo> available = availableMigrations(probe);
        MigrationVersion version;
        if (baselineVersion != null) {
            version = version(baselineVersion);
        }
        else if (!available.isEmpty()) {
            version = available.get(available.size() - 1).getVersion();
        }
        else {
            throw new CommandRefused("there are no migration scripts; pass --version");
        }
        BaselineResult result = flyway(database).baselineVersion(version)
            .baselineDescription(description)
            .load()
            .baseline();
        if (!result.successfullyBaselined) {
            throw new CommandRefused("Flyway did not baseline the database");
        }
        out().println("Baselined at " + version + ": migrations up to it count as applied and will not run.");
        return ExitCode.OK;
    }

}
