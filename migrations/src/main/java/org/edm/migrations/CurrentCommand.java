package org.edm.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;

import picocli.CommandLine.Command;

/**
 * {@code current}: the version the database is at, and how many migrations are pending.
 */
@Command(name = "current", description = "Print the version the database is at and how many migrations are pending.")
final class CurrentCommand extends DatabaseCommand {

    @Override
    int run(Database database) {
        Flyway flyway = flyway(database).load();
        MigrationInfoService info = flyway.info();
        int pending = info.pending().length;
        out().println(currentVersion(info) + (pending == 0 ? ", latest" : ", " + pending + " pending"));
        return ExitCode.OK;
    }

}
