/**
 * Versions: families of documents (same title, case- and whitespace-insensitively), their
 * versions in natural version order, section-level comparisons (stored by parser-worker's
 * versions consumer, or computed here on demand with the {@code org.edm:versions}
 * library) and permalinks to a section by its stable key. Read-only.
 */
@NullMarked
package org.edm.search.versions;

import org.jspecify.annotations.NullMarked;
