package org.edm.web.api;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where the APIs are ({@code edm.web.*}).
 *
 * @param ingestUrl base URL of ingest-service ({@code EDM_INGEST_URL})
 * @param searchUrl base URL of search-api ({@code EDM_SEARCH_URL})
 * @param connectTimeout connecting to either API
 * @param readTimeout waiting for an answer (uploads stream within it)
 */
@ConfigurationProperties("edm.web")
@Validated
public record ApiSettings(@NotNull @DefaultValue("http://127.0.0.1:8081") URI ingestUrl,
        @NotNull @DefaultValue("http://127.0.0.1:8082") URI searchUrl,
        @NotNull @DefaultValue("5s") Duration connectTimeout, @NotNull @DefaultValue("120s") Duration readTimeout) {
}
