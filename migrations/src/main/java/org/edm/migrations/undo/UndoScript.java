package org.edm.migrations.undo;

import org.flywaydb.core.api.MigrationVersion;

/**
 * One undo script, {@code U<version>__<description>.sql}: it reverses the {@code V}
 * script of the same version.
 *
 * @param version the version it undoes
 * @param name the file name
 * @param sql its statements, run as one script in the downgrade's transaction
 */
public record UndoScript(MigrationVersion version, String name, String sql) {
}
