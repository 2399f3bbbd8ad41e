@NullMarked
package org.edm.web.upload;

import org.jspecify.annotations.NullMarked;
