/**
 * HTTP concerns shared by the endpoints: the catalogue of problem types
 * ({@link org.edm.ingest.web.IngestProblem}, one {@link org.edm.security.ProblemType}
 * each) and the advice that renders the {@link org.edm.security.RejectedRequest}s and
 * framework errors as RFC 9457 problem details.
 */
@NullMarked
package org.edm.ingest.web;

import org.jspecify.annotations.NullMarked;
