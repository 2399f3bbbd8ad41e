package org.edm.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>} against
 * {@code api_keys}. A Bearer value shaped like a JWT is left to the JWT filter when JWT
 * mode is on (and refused when it is off). A presented but malformed, unknown or revoked
 * key ends the request with 401 at once; no credential leaves the request anonymous, for
 * the authorization rules to refuse or allow. With the database down the key cannot be
 * checked: 503 {@code database-unavailable}, as the services answer then.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    private static final String BEARER = "bearer ";

    private final ApiKeyStore store;

    private final ProblemResponses problems;

    private final boolean jwtMode;

    private final Clock clock;

    ApiKeyAuthenticationFilter(ApiKeyStore store, ProblemResponses problems, boolean jwtMode, Clock clock) {
        this.store = store;
        this.problems = problems;
        this.jwtMode = jwtMode;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented;
        try {
            presented = presentedKey(request);
        }
        catch (BadCredential refused) {
            problems.commence(request, response, refused);
            return;
        }
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = presented.get();
        if (!ApiKeyFormat.isWellFormed(key)) {
            problems.commence(request, response, new BadCredential("The API key is malformed."));
            return;
        }
        Optional<ApiKeyStore.StoredKey> stored;
        try {
            stored = store.findByHash(ApiKeyFormat.hash(key));
        }
        catch (DataAccessException e) {
            log.warn("cannot check an API key, the database is unavailable: {}", e.getMostSpecificCause().getMessage());
            problems.databaseUnavailable(request, response);
            return;
        }
        if (stored.isEmpty()) {
            problems.commence(request, response, new BadCredential("The API key is not known."));
            return;
        }
        String refusal = stored.get().refusal();
        if (refusal != null) {
            problems.commence(request, response, new BadCredential(refusal));
            return;
        }
        ApiKeyStore.StoredKey valid = stored.get();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context
            .setAuthentication(new ApiKeyAuthentication(valid.id(), valid.name(), ScopeAuthorities.of(valid.scopes())));
        SecurityContextHolder.setContext(context);
        try {
            store.touch(valid.id(), clock.instant());
        }
        catch (DataAccessException e) {
            log.warn("cannot record the use of API key {}: {}", valid.name(), e.getMostSpecificCause().getMessage());
        }
        chain.doFilter(request, response);
    }

    /**
     * The key the request presents, if any; empty also when the Bearer value is a JWT for
     * the JWT filter.
     * @throws BadCredential when the headers are unusable (two different credentials, an
     * empty one, a JWT without JWT mode, another scheme)
     */
    private Optional<String> presentedKey(HttpServletRequest request) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String bearer = bearerValue(authorization);
        if (apiKey != null && authorization != null) {
            throw new BadCredential("Send the credential in one header: Authorization or X-Api-Key, not both.");
        }
        if (apiKey != null) {
            return Optional.of(nonBlank(apiKey.strip()));
        }
        if (bearer == null) {
            return Optional.empty();
        }
        if (looksLikeJwt(bearer)) {
            if (jwtMode) {
                return Optional.empty();
            }
            throw new BadCredential("Bearer tokens (JWT) are not accepted here; send an API key.");
        }
        return Optional.of(bearer);
    }

    private static @Nullable String bearerValue(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.length() < BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new BadCredential("The Authorization header must be 'Bearer <key>'.");
        }
        return nonBlank(authorization.substring(BEARER.length()).strip());
    }

    private static String nonBlank(String value) {
        if (value.isEmpty()) {
            throw new BadCredential("The credential is empty.");
        }
        return value;
    }

    /** Three base64url parts separated by dots: the compact form of a JWS. */
    static boolean looksLikeJwt(String value) {
        return value.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    }

}
