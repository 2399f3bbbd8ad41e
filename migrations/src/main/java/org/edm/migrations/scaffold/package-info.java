/**
 * Creating a new migration: a {@code V} script and its {@code U} (undo) script, named by
 * the convention.
 */
@NullMarked
package org.edm.migrations.scaffold;

import org.jspecify.annotations.NullMarked;
