/**
 * search-api: full-text search over the sections the parser wrote, and read access to
 * documents and sections.
 */
@NullMarked
package org.edm.search;

import org.jspecify.annotations.NullMarked;
