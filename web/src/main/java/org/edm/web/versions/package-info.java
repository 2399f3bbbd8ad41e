@NullMarked
package org.edm.web.versions;

import org.jspecify.annotations.NullMarked;
