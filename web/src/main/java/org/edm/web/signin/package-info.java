@NullMarked
package org.edm.web.signin;

import org.jspecify.annotations.NullMarked;
