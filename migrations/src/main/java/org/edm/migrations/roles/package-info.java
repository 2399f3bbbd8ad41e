/**
 * The services' database roles ({@code edm_ingest}, {@code edm_parser},
 * {@code edm_search}): which exist, and giving them LOGIN with a password from the
 * environment. The roles and their privileges come from migration
 * {@code V20261129_2100_402__service_roles}.
 */
@NullMarked
package org.edm.migrations.roles;

import org.jspecify.annotations.NullMarked;
