package org.edm.security;

/**
 * The request kinds with a per-caller rate limit
 * ({@code edm.security.rate-limit.<kind>}).
 */
public enum RateLimited {

    UPLOAD, SEARCH

}
