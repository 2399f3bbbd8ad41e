package org.edm.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The scope each endpoint of a service needs, declared by the service as a bean; the
 * first matching route wins. A request that matches no route needs any valid credential
 * (and then gets the service's 404 or 405).
 *
 * <pre>{@code
 * &#64;Bean
 * ApiEndpoints apiEndpoints() {
 *     return ApiEndpoints.builder()
 *             .route(HttpMethod.POST, "/api/documents", Scopes.DOCUMENTS_WRITE, RateLimited.UPLOAD)
 *             .route(HttpMethod.GET, "/api/**", Scopes.DOCUMENTS_READ)
 *             .build();
 * }
 * }</pre>
 */
public final class ApiEndpoints {

    private final List<Route> routes;

    private ApiEndpoints(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    List<Route> routes() {
        return routes;
    }

    Optional<Route> routeOf(HttpServletRequest request) {
        return routes.stream().filter(route -> route.matcher().matches(request)).findFirst();
    }

    /**
     * One endpoint (or pattern of them): its method, path pattern, scope and optional
     * rate limit.
     */
    record Route(RequestMatcher matcher, String scope, @Nullable RateLimited rateLimited) {
    }

    public static final class Builder {

        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /**
         * {@code method} on {@code pathPattern} (Spring's path patterns, e.g.
         * {@code /api/documents/*}) needs {@code scope}.
         */
        public Builder route(HttpMethod method, String pathPattern, String scope) {
            return add(method, pathPattern, scope, null);
        }

        /**
         * As {@link #route(HttpMethod, String, String)}, and counts against the caller's
         * {@code limit}.
         */
        public Builder route(HttpMethod method, String pathPattern, String scope, RateLimited limit) {
            return add(method, pathPattern, scope, limit);
        }

        private Builder add(HttpMethod method, String pathPattern, String scope, @Nullable RateLimited limit) {
            if (!Scopes.isKnown(scope)) {
                throw new IllegalArgumentException("unknown scope " + scope);
            }
            routes.add(new Route(PathPatternRequestMatcher.pathPattern(method, pathPattern), scope, limit));
            return this;
        }

        public ApiEndpoints build() {
            return new ApiEndpoints(routes);
        }

    }

}
