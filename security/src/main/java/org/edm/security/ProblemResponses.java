package org.edm.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * The refusals of access control as RFC 9457 problem details of an {@link AccessProblem}
 * type: 401 {@code unauthorized} with {@code WWW-Authenticate}, 403 {@code missing-scope}
 * naming the scope, 429 {@code rate-limited} with {@code Retry-After}, and 503
 * {@code database-unavailable} when a key cannot be checked.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String REALM = "edm";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiEndpoints endpoints;

    ProblemResponses(ApiEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * No credential, or one that is malformed, unknown, revoked, expired or badly signed.
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean presented = exception instanceof BadCredential || hasCredential(request);
        String detail = exception instanceof BadCredential bad ? bad.getMessage()
                : presented ? "The bearer token is not valid (expired, not yet valid or not signed by a trusted key)."
                        : "This endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"" : "Bearer realm=\"" + REALM + "\"");
        write(request, response, AccessProblem.UNAUTHORIZED, detail);
    }

    /** A valid credential without the scope the endpoint needs. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        String scope = endpoints.routeOf(request).map(ApiEndpoints.Route::scope).orElse(Scopes.ADMIN);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", scope=\"" + scope + "\"");
        write(request, response, AccessProblem.MISSING_SCOPE,
                "This request needs the scope '" + scope + "', which the credential does not have.");
    }

    void rateLimited(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds, RateLimited kind)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        write(request, response, AccessProblem.RATE_LIMITED,
                "This credential has used up its " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " requests for now; retry after " + retryAfterSeconds + " s.");
    }

    /**
     * The key could not be checked: the services' own answer while PostgreSQL is down.
     */
    void databaseUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        write(request, response, AccessProblem.DATABASE_UNAVAILABLE,
                "The API key cannot be checked while the database is unavailable; retry shortly.");
    }

    private static boolean hasCredential(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getHeader(ApiKeyAuthenticationFilter.API_KEY_HEADER) != null;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri().toString());
        problem.put("title", type.title());
        problem.put("status", type.status().value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

}
