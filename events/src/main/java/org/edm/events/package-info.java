/**
 * The public, versioned event contract of the Exchange Documentation Manager: topic names
 * and one record per event type. Events are JSON (ISO-8601 instants, UUIDs as strings);
 * each has a JSON schema under {@code schemas/} in this module. A published event never
 * changes incompatibly: new fields are optional additions, anything else becomes a new
 * type or schema version.
 */
@NullMarked
package org.edm.events;

import org.jspecify.annotations.NullMarked;
