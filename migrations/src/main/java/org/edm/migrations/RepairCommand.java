package org.edm.migrations;

import java.util.List;

import org.flywaydb.core.api.output.RepairOutput;
import org.flywaydb.core.api.output.RepairResult;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;

/** {@code repair}: Flyway's repair of the history table. */
@Command(name = "repair",
        description = "Repair the history: remove failed entries, realign checksums and descriptions with the "
                + "scripts, mark entries whose script is gone as deleted.")
final class RepairCommand extends DatabaseCommand {

    @Override
    int run(Database database) {
        RepairResult result = flyway(database).load().repair();
        int actions = print("Removed failed entry", result.migrationsRemoved)
                + print("Aligned checksum and description of", result.migrationsAligned)
                + print("Marked as deleted (its script is gone):", result.migrationsDeleted);
        out().println(actions == 0 ? "Nothing to repair: the history matches the scripts."
                : "Repaired " + actions + " history entr" + (actions == 1 ? "y." : "ies."));
        return ExitCode.OK;
    }

    private int print(String action, @Nullable List<RepairOutput> migrations) {
        if (migrations == null) {
            return 0;
        }
        for (RepairOutput migration : migrations) {
            out().println(action + " " + migration.version + " " + migration.description);
        }
        return migrations.size();
    }

}
