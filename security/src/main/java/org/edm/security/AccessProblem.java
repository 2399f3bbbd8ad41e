package org.edm.security;

import org.springframework.http.HttpStatus;

/** The problem types of access control, answered by every service for any endpoint (the README lists them). */
enum AccessProblem implements ProblemType {

    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
    MISSING_SCOPE("missing-scope", HttpStatus.FORBIDDEN, "Missing scope"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable");

    private final String slug;
    private final HttpStatus status;
    private final String title;

    AccessProblem(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
