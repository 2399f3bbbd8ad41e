@NullMarked
package org.edm.web.search;

import org.jspecify.annotations.NullMarked;
