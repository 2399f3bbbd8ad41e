package org.edm.search.web;

import org.edm.security.ApiEndpoints;
import org.edm.security.RateLimited;
import org.edm.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Every endpoint of this API reads (README, "Access"); searches count against the caller's search rate limit. */
@Configuration(proxyBeanMethods = false)
class ApiAccess {

    @Bean
    ApiEndpoints apiEndpoints() {
        return ApiEndpoints.builder()
                .route(HttpMethod.GET, "/api/search", Scopes.DOCUMENTS_READ, RateLimited.SEARCH)
                .route(HttpMethod.GET, "/api/**", Scopes.DOCUMENTS_READ)
                .route(HttpMethod.GET, "/v3/api-docs/**", Scopes.DOCUMENTS_READ)
                .route(HttpMethod.GET, "/swagger-ui/**", Scopes.DOCUMENTS_READ)
                .route(HttpMethod.GET, "/swagger-ui.html", Scopes.DOCUMENTS_READ)
                .build();
    }
}
