package org.edm.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who sent a request, as a stable text: {@code key:<api key id>},
 * {@code jwt:<issuer> <subject>}, or {@code user:<name>} for any other kind of
 * authentication. Services key per-caller state on it (Idempotency-Keys, rate limits); it
 * names no secret.
 *
 * @param id the caller's identity
 */
public record Caller(String id) {

    /** The caller of an authenticated request. */
    public static Caller of(Authentication authentication) {
        if (authentication instanceof ApiKeyAuthentication key) {
            return new Caller("key:" + key.keyId());
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            return new Caller("jwt:" + (jwt.getIssuer() == null ? "" : jwt.getIssuer()) + " " + jwt.getSubject());
        }
        return new Caller("user:" + authentication.getName());
    }
}
