package org.edm.ingest.web;

import org.edm.security.ApiEndpoints;
import org.edm.security.RateLimited;
import org.edm.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The scope each endpoint needs (README, "Access"); uploads count against the caller's
 * upload rate limit.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccess {

    @Bean
    ApiEndpoints apiEndpoints() {
        return ApiEndpoints.builder()
            .route(HttpMethod.POST, ApiPaths.DOCUMENTS, Scopes.DOCUMENTS_WRITE, RateLimited.UPLOAD)
            .route(HttpMethod.POST, ApiPaths.REPROCESS, Scopes.DOCUMENTS_WRITE)
            .route(HttpMethod.DELETE, ApiPaths.DOCUMENT, Scopes.DOCUMENTS_DELETE)
            .route(HttpMethod.GET, "/api/**", Scopes.DOCUMENTS_READ)
            .route(HttpMethod.GET, "/v3/api-docs/**", Scopes.DOCUMENTS_READ)
            .route(HttpMethod.GET, "/swagger-ui/**", Scopes.DOCUMENTS_READ)
            .route(HttpMethod.GET, "/swagger-ui.html", Scopes.DOCUMENTS_READ)
            .build();
    }

}
