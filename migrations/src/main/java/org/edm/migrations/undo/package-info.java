/**
 * Downgrades: Flyway Community has no undo, so each {@code V} script ships a {@code U}
 * script of the same version under {@code db/undo}, and
 * {@link org.edm.migrations.undo.Downgrade} runs it and deletes the migration's history
 * row in one transaction.
 */
@NullMarked
package org.edm.migrations.undo;

import org.jspecify.annotations.NullMarked;
