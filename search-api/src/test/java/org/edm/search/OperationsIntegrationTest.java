package org.edm.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.edm.search.support.OkJson;
import org.edm.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;

/**
 * What operators and client developers rely on: health, metrics per endpoint and query
 * class, OpenAPI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(ReaderKey.class)
@RealInfrastructure
class OperationsIntegrationTest {

    @Autowired
    RestTestClient http;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry meters;

    @Test
    void healthIsUpWithTheDatabase() {
        JsonNode health = getManagement("/actuator/health");

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void searchesAreTimedPerEndpointAndPerQueryClass() {
        // given
        long requests = timed("http.server.requests", "uri", "/api/search");
        long phrases = timed("edm.search.query", "class", "phrase");
        long identifiers = timed("edm.search.query", "class", "identifier");

        // when: one phrase search and one identifier search
        get("/api/search?q={q}", "\"order entry\"");
        get("/api/search?q={q}", "Stock_Locate");

        // then: each moved its query class by one, and the endpoint by two (recorded as
        // the response completes)
        assertThat(timed("edm.search.query", "class", "phrase")).isEqualTo(phrases + 1);
        assertThat(timed("edm.search.query", "class", "identifier")).isEqualTo(identifiers + 1);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> timed("http.server.requests", "uri", "/api/search") >= requests + 2);
        assertThat(timed("http.server.requests", "uri", "/api/search")).isEqualTo(requests + 2);
        JsonNode identifier = getManagement("/actuator/metrics/edm.search.query?tag=class:identifier");
        assertThat(identifier.path("availableTags").findValuesAsString("tag")).contains("ranking");
    }

    /** Calls recorded by every timer of that name with that tag. */
    private long timed(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        JsonNode api = get("/v3/api-docs");

        assertThat(api.path("paths").propertyNames()).contains("/api/search", "/api/documents", "/api/documents/{id}",
                "/api/documents/{id}/sections", "/api/sections/{id}");
        assertThat(api.path("paths").path("/api/search").path("get").path("parameters").findValuesAsString("name"))
            .contains("q", "document", "title", "version", "level", "limit", "cursor");
    }

    /** Actuator on the management port, from localhost (so without a key). */
    private JsonNode getManagement(String uri, Object... variables) {
        return OkJson.get(RestTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build(), uri,
                variables);
    }

    private JsonNode get(String uri, Object... variables) {
        return OkJson.get(http, uri, variables);
    }

}
