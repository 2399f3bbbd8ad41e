package org.edm.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code upgrade [--target VERSION]}: applies the pending migrations, up to the latest or
 * the target.
 */
@Command(name = "upgrade", description = "Apply pending migrations, up to the latest or to --target.")
final class UpgradeCommand extends DatabaseCommand {

    @Option(names = "--target", paramLabel = "VERSION",
            description = "Stop after this version, e.g. 20261125.1210.002 or 20261125_1210_002 (default: latest)")
    @Nullable String target;

    @Override
    int run(Database database) {
        FluentConfiguration configuration = flyway(database);
        if (target != null) {
            MigrationVersion version = version(target);
            Flyway probe = configuration.load();
            if (availableMigrations(probe).stream().noneMatch(info -> version.equals(info.getVersion()))) {
                throw new CommandRefused("unknown target version " + target + "; `history` lists the versions");
            }
            MigrationInfo current = probe.info().current();
            if (current != null && current.getVersion() != null && current.getVersion().isNewerThan(version)) {
                throw new CommandRefused("the database is at " + current.getVersion() + ", above the target " + version
                        + "; use downgrade to go back");
            }
            configuration.target(version);
        }
        Flyway flyway = configuration.load();
        MigrateResult result = flyway.migrate();
        for (MigrateOutput migration : result.migrations) {
            out().printf("Applied %s %s in %d ms%n", migration.version, migration.description, migration.executionTime);
        }
        out().println((result.migrationsExecuted == 0 ? "Nothing to apply; at version " : "Now at version ")
                + currentVersion(flyway) + ".");
        return ExitCode.OK;
    }

}
