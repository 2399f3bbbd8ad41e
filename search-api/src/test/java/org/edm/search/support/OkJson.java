package org.edm.search.support;

import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The one way the tests read an API answer that must be {@code 200 OK} with a JSON body.
 */
public final class OkJson {

    private OkJson() {
    }

    /**
     * GETs {@code uri} (with its URI variables expanded), expects 200 and returns the
     * body.
     */
    public static JsonNode get(RestTestClient http, String uri, Object... variables) {
        return http.get()
            .uri(uri, variables)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    }

}
