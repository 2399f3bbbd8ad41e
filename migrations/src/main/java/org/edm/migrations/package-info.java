/**
 * The migration tool of the Exchange Documentation Manager: an Alembic-like command line
 * over Flyway ({@link org.edm.migrations.MigrationTool}). The SQL itself lives under
 * {@code db/migration} (Flyway's {@code V} scripts) and {@code db/undo} (one {@code U}
 * script per {@code V} script) in this module's resources.
 */
@NullMarked
package org.edm.migrations;

import org.jspecify.annotations.NullMarked;
