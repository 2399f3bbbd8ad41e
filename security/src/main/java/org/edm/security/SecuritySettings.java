package org.edm.security;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code edm.security.*}: access control of an HTTP service.
 *
 * @param lastUsedInterval how often at most a key's {@code last_used_at} is written (not a write per request)
 * @param jwt              the optional JWT resource-server mode
 * @param rateLimit        per-caller rate limits of upload and search
 * @param management       who may use the actuator endpoints besides {@code admin}
 * @param cursorSecret     the HMAC secret of paging cursors ({@code EDM_CURSOR_SECRET}); when absent, a random one
 *                         per process (cursors then do not survive a restart or cross instances)
 */
@ConfigurationProperties("edm.security")
record SecuritySettings(@DefaultValue("1m") Duration lastUsedInterval, @DefaultValue Jwt jwt,
        @DefaultValue RateLimit rateLimit, @DefaultValue Management management, @Nullable String cursorSecret) {

    /**
     * JWT mode, on when either URI is set: a Bearer value shaped like a JWT is checked against the issuer's keys.
     *
     * @param issuerUri  the issuer; its discovery document names the JWK set, and tokens must carry it as {@code iss}
     * @param jwkSetUri  the JWK set (takes precedence for the keys; the issuer, when set, is still checked)
     * @param rolesClaim a claim whose values that name a scope count as scopes too (e.g. {@code roles})
     */
    record Jwt(@Nullable URI issuerUri, @Nullable URI jwkSetUri, @Nullable String rolesClaim) {

        boolean enabled() {
            return issuerUri != null || jwkSetUri != null;
        }
    }

    /**
     * @param enabled whether limits apply at all
     * @param upload  uploads per caller
     * @param search  searches per caller
     */
    record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue({"60", "1m"}) Limit upload,
            @DefaultValue({"600", "1m"}) Limit search) {

        Limit limit(RateLimited kind) {
            return kind == RateLimited.UPLOAD ? upload : search;
        }
    }

    /**
     * At most {@code capacity} requests per {@code period}, refilled smoothly; a burst of {@code capacity} is fine.
     */
    record Limit(int capacity, Duration period) {

        Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("a rate limit's capacity must be at least 1");
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit's period must be positive");
            }
        }
    }

    /**
     * @param allowLocalhost whether requests from a loopback address may use the actuator endpoints without a key
     */
    record Management(@DefaultValue("true") boolean allowLocalhost) {
    }
}
