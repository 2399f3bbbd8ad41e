@NullMarked
package org.edm.search.web;

import org.jspecify.annotations.NullMarked;
