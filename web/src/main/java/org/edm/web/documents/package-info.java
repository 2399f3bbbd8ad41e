@NullMarked
package org.edm.web.documents;

import org.jspecify.annotations.NullMarked;
