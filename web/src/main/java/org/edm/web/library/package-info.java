@NullMarked
package org.edm.web.library;

import org.jspecify.annotations.NullMarked;
