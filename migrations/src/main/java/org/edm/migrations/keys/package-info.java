/**
 * API key management over {@code api_keys}: {@link org.edm.migrations.keys.ApiKeys}
 * creates, lists and revokes keys; the tool's {@code keys} commands and the local stack
 * use it.
 */
@NullMarked
package org.edm.migrations.keys;

import org.jspecify.annotations.NullMarked;
