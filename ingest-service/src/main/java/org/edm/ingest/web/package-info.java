/**
 * HTTP concerns shared by the endpoints: the catalogue of problem types ({@link org.edm.ingest.web.ProblemType}),
 * the base of the exceptions that become RFC 9457 problem details, and the advice that renders them.
 */
@NullMarked
package org.edm.ingest.web;

import org.jspecify.annotations.NullMarked;
