@NullMarked
package org.edm.web.api;

import org.jspecify.annotations.NullMarked;
