package org.edm.security;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code edm.security.*}: access control of an HTTP service.
 *
 * @param lastUsedInterval how often at most a key's {@code last_used_at} is written (not
 * a write per request)
 * @param jwt the optional JWT resource-server mode
 * @param rateLimit per-caller rate limits of upload and search
 * @param management who may use the actuator endpoints besides {@code admin}
 * @param cursorSecret the HMAC secret of paging cursors ({@code EDM_CURSOR_SECRET}); when
 * absent, a random one per process (cursors then do not survive a restart or cross
 * instances)
 */
@ConfigurationProperties("edm.security")
record SecuritySettings(@DefaultValue("1m") Duration lastUsedInterval, @DefaultValue Jwt jwt,
        @DefaultValue RateLimit rateLimit, @DefaultValue Management management, @Nullable String cursorSecret) {

    /**
     * JWT mode, on when either URI is set: a Bearer value shaped like a JWT is checked
     * against the issuer's keys.
     *
     * @param issuerUri the issuer; its discovery document names the JWK set, and tokens
     * must carry it as {@code iss}
     * @param jwkSetUri the JWK set (takes precedence for the keys; the issuer, when set,
     * is still checked)
     * @param rolesClaim a claim whose values that name a scope count as scopes too (e.g.
     * {@code roles})
     */
    record Jwt(@Nullable URI issuerUri, @Nullable URI jwkSetUri, @Nullable String rolesClaim) {

        boolean enabled() {
            return issuerUri != null || jwkSetUri != null;
        }
    }

    /**
     * Per caller, at most {@code uploads} uploads and {@code searches} searches per
     * {@code period}, refilled smoothly (a burst of the whole allowance is fine).
     *
     * @param enabled whether limits apply at all
     * @param period the period of both allowances
     * @param uploads uploads per caller and period
     * @param searches searches per caller and period
     */
    record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration period,
            @DefaultValue("60") int uploads, @DefaultValue("600") int searches) {

        RateLimit {
            if (uploads < 1 || searches < 1) {
                throw new IllegalArgumentException("edm.security.rate-limit.uploads and .searches must be at least 1");
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("edm.security.rate-limit.period must be positive");
            }
        }

        int allowance(RateLimited kind) {
            return kind == RateLimited.UPLOAD ? uploads : searches;
        }
    }

    /**
     * @param allowLocalhost whether requests from a loopback address may use the actuator
     * endpoints without a key
     */
    record Management(@DefaultValue("true") boolean allowLocalhost) {
    }
}
