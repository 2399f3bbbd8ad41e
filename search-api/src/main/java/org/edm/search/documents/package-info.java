@NullMarked
package org.edm.search.documents;

import org.jspecify.annotations.NullMarked;
