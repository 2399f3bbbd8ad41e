@NullMarked
package org.edm.search.query;

import org.jspecify.annotations.NullMarked;
