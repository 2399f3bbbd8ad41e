package org.edm.security;

import org.springframework.http.HttpStatus;

/**
 * The problem types of access control, answered by every service for any endpoint (the
 * README lists them).
 */
final class AccessProblem {

    static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", HttpStatus.UNAUTHORIZED,
            "Authentication required");
    static final ProblemType MISSING_SCOPE = new ProblemType("missing-scope", HttpStatus.FORBIDDEN, "Missing scope");
    static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests");
    static final ProblemType DATABASE_UNAVAILABLE = new ProblemType("database-unavailable",
            HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable");

    private AccessProblem() {
    }

}
