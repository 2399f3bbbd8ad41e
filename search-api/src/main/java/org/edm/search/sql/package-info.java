/** Row mapping shared by the search and browsing repositories. */
@NullMarked
package org.edm.search.sql;

import org.jspecify.annotations.NullMarked;
