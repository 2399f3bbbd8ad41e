package org.edm.migrations;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The one Flyway configuration of the project, used by the migration tool, the local
 * stack and the tests alike: a misnamed script or a missing script location fails instead
 * of being skipped silently, and {@code clean} (which drops everything) stays disabled;
 * only the tool's {@code reset} command enables it.
 */
public final class Migrations {

    private Migrations() {
    }

    /**
     * Applies every pending migration packaged in this module to the database; returns
     * what was applied.
     */
    public static MigrateResult upgrade(DataSource dataSource) {
        return configure(dataSource, ScriptLocations.packaged()).load().migrate();
    }

    /** Flyway with the project's safety settings over the given database and scripts. */
    public static FluentConfiguration configure(DataSource dataSource, ScriptLocations scripts) {
        return Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(scripts.migrations())
            .failOnMissingLocations(true)
            .validateMigrationNaming(true)
            .cleanDisabled(true);
    }

}
