package org.edm.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.CleanResult;
import org.flywaydb.core.api.output.MigrateResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reset --yes-really-reset}: drops every object of the schema and migrates it
 * again (development only).
 */
@Command(name = "reset",
        description = { "Drop every object in the database's schema (tables, data, functions, history) and apply "
                + "all migrations again. For development databases only; refused without --yes-really-reset." })
final class ResetCommand extends DatabaseCommand {

    static final String CONFIRMATION = "--yes-really-reset";

    @Option(names = CONFIRMATION, description = "Confirm that all data in this database may be destroyed.")
    boolean confirmed;

    @Override
    void refuseEarly() {
        if (!confirmed) {
            throw new CommandRefused("reset drops all data and every object in the schema, then migrates again; "
                    + "add " + CONFIRMATION + " to confirm; nothing was changed");
        }
    }

    @Override
    int run(Database database) {
        Flyway flyway = flyway(database).cleanDisabled(false).load();
        CleanResult cleaned = flyway.clean();
        out().println("Dropped everything in schema " + String.join(", ", cleaned.schemasCleaned) + " of "
                + database.displayUrl());
        MigrateResult migrated = flyway.migrate();
        out().println("Applied " + migrated.migrationsExecuted + " migrations; now at version " + currentVersion(flyway)
                + ".");
        return ExitCode.OK;
    }

}
