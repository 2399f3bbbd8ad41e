package org.edm.search.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.edm.security.ApiEndpoints;
import org.edm.security.RateLimited;
import org.edm.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Every endpoint of this API reads (README, "Access"); searches count against the
 * caller's search rate limit.
 */
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

    /**
     * The OpenAPI description names the credential, so that its UI can send one
     * ("Authorize").
     */
    @Bean
    OpenAPI searchOpenApi() {
        return new OpenAPI().info(new Info().title("EDM search-api").version("v1"))
            .components(new Components().addSecuritySchemes("apiKey",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API key with documents:read (edm-migrations keys create) or a JWT")))
            .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

}
