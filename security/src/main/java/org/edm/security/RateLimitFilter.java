package org.edm.security;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-caller token buckets (Bucket4j, in memory, per instance) for the routes a service
 * marks as {@link RateLimited}. Runs after authorization, so only authenticated callers
 * reach a bucket; a refused request is answered 429 with {@code Retry-After} before the
 * controller sees it.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final ApiEndpoints endpoints;

    private final SecuritySettings.RateLimit settings;

    private final ProblemResponses problems;

    /*
     * One bucket per (kind, caller). Callers are keys and JWT subjects that passed
     * authentication: a bounded set.
     */
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(ApiEndpoints endpoints, SecuritySettings.RateLimit settings, ProblemResponses problems) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimited> kind = endpoints.routeOf(request).map(ApiEndpoints.Route::rateLimited);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!settings.enabled() || kind.isEmpty() || !(authentication instanceof ApiKeyAuthentication
                || authentication instanceof JwtAuthenticationToken)) {
            chain.doFilter(request, response);
            return;
        }
        String caller = Caller.of(authentication).id();
        Bucket bucket = buckets.computeIfAbsent(kind.get() + " " + caller, ignored -> newBucket(kind.get()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        problems.rateLimited(request, response, retryAfter, kind.get());
    }

    private Bucket newBucket(RateLimited kind) {
        int allowance = settings.allowance(kind);
        return Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(allowance).refillGreedy(allowance, settings.period()).build())
            .build();
    }

}
