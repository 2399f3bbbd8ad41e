/**
 * The schema contract of migrations/SCHEMA.md (plus the tables later migrations added)
 * and its comparison with a live database, for the tool's {@code verify} command.
 */
@NullMarked
package org.edm.migrations.contract;

import org.jspecify.annotations.NullMarked;
