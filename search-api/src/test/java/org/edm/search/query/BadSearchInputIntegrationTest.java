package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.edm.search.ReaderKey;
import org.edm.search.support.TestDocuments;
import org.edm.security.CursorSigner;
import org.edm.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Bad input gets a 400 problem detail with a stable type; no query anybody can type gets
 * a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(ReaderKey.class)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadSearchInputIntegrationTest {

    private static final String PROBLEMS = "https://edm.example/problems/";

    @Autowired
    RestTestClient http;

    @Autowired
    CursorSigner cursors;

    @LocalServerPort
    int port;

    UUID document;

    @BeforeAll
    void writeDocument() {
        var data = new TestDocuments();
        document = data.document("Fuzz target " + TestDocuments.uniqueWord(), "1.0", "done");
        data.section(document, null, 1, 0, "Order Entry", "Orders & cancels | replaces! (35=D) 'quoted' \\ back\\slash "
                + "<-> arrows :* stars; DROP TABLE sections; -- über naïve 日本語 emoji 😀", 1);
    }

    @Test
    void emptyBlankOrMissingQueryIsRejected() {
        assertProblem("/api/search?q=", 400, "empty-query");
        assertProblem("/api/search?q=%20%20%09", 400, "empty-query");
        assertProblem("/api/search", 400, "empty-query");
        assertProblem("/api/search?q=%00", 400, "empty-query");
    }

    @Test
    void overlongOrOvercomplexQueryIsRejected() {
        assertProblem("/api/search?q=" + "a".repeat(501), 400, "query-too-long");
        assertThat(status("/api/search?q=" + "a".repeat(500))).isEqualTo(200);
        assertProblem("/api/search?q=" + "w ".repeat(33).strip().replace(" ", "%20"), 400, "query-too-complex");
    }

    @Test
    void queryOfOnlyExclusionsIsRejected() {
        assertProblem("/api/search?q=-order%20-cancel", 400, "nothing-to-search-for");
    }

    @Test
    void unknownParameterIsRejected() {
        JsonNode problem = assertProblem("/api/search?q=order&verison=5.0", 400, "unknown-parameter");
        assertThat(problem.path("unknownParameters").get(0).asString()).isEqualTo("verison");
        assertProblem("/api/documents?sort=title", 400, "unknown-parameter");
    }

    @Test
    void badLimitLevelOrUuidIsRejected() {
        assertProblem("/api/search?q=order&limit=0", 400, "invalid-parameter");
        assertProblem("/api/search?q=order&limit=101", 400, "invalid-parameter");
        assertProblem("/api/search?q=order&limit=ten", 400, "invalid-parameter");
        assertProblem("/api/search?q=order&limit=99999999999999", 400, "invalid-parameter");
        assertProblem("/api/search?q=order&level=0", 400, "invalid-parameter");
        assertProblem("/api/search?q=order&document=not-a-uuid", 400, "invalid-parameter");
        assertProblem("/api/search?q=order&title=%00", 400, "invalid-parameter");
        assertProblem("/api/documents/not-a-uuid", 400, "invalid-parameter");
        assertProblem("/api/sections/123", 400, "invalid-parameter");
        assertProblem("/api/documents?status=finished", 400, "invalid-parameter");
        assertProblem("/api/documents?limit=-1", 400, "invalid-parameter");
    }

    @Test
    void badCursorIsRejected() {
        assertProblem("/api/search?q=order&cursor=garbage!", 400, "invalid-cursor");
        assertProblem("/api/search?q=order&cursor=AAAA", 400, "invalid-cursor");
        String cursor = cursors.sign(new SearchCursor(0.5, UUID.randomUUID(), false, false, true, false)
            .encode("(order*|)#null|null|null|null"));
        assertThat(status("/api/search?q=order&cursor=" + cursor)).isEqualTo(200);
        assertProblem("/api/search?q=cancel&cursor=" + cursor, 400, "invalid-cursor");
        assertProblem("/api/search?q=order&level=2&cursor=" + cursor, 400, "invalid-cursor");
        char[] altered = cursor.toCharArray();
        altered[5] = altered[5] == 'A' ? 'B' : 'A';
        assertProblem("/api/search?q=order&cursor=" + new String(altered), 400, "invalid-cursor");
        assertProblem("/api/documents?cursor=" + cursor, 400, "invalid-cursor");
    }

    @Test
    void unknownIdsAreNotFound() {
        assertProblem("/api/documents/" + UUID.randomUUID(), 404, "document-not-found");
        assertProblem("/api/documents/" + UUID.randomUUID() + "/sections", 404, "document-not-found");
        assertProblem("/api/sections/" + UUID.randomUUID(), 404, "section-not-found");
        assertProblem("/api/nothing-here", 404, "not-found");
    }

    @Test
    void tsquerySyntaxSqlAndUnicodeNeverFail() {
        List<String> queries = new ArrayList<>(List.of("&", "|", "!", "(", ")", ":", "*", "'", "\"", "\\", "<->", "<2>",
                "order & cancel", "order | cancel", "!order", "(order", "order)", "order:*", "order:A", "'order'", "''",
                "'''", "\\'", "order\\", "a <-> b", "order <-> <-> cancel", "\"\"", "\"unclosed phrase", "- -", "-",
                "--order", "OR", "order OR", "OR order", "order OR OR cancel", "order OR -cancel",
                "'; DROP TABLE sections; --", "1' OR '1'='1", "$$ || pg_sleep(10) || $$", "%", "_", "order%",
                "\u0000order", "order\u0000", "über naïve", "日本語", "😀", "😀order", "\uD800", "\u202Eorder",
                "x".repeat(300), "'".repeat(500), "\\".repeat(500), "&".repeat(500), "😀".repeat(200), "a:*b:*c",
                "35=D", "Stock_Locate:*", "ITCH 5.0:*", "<script>alert(1)</script>", "order -order",
                "\"order\" -\"order\"", "\t\norder\r\n"));
        var random = new Random(20261125);
        String alphabet = "&|!():*'\"\\<->%_;=-ORor abc日😀\u0000\t.,/+";
        for (int i = 0; i < 150; i++) {
            var query = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int j = 0; j < length; j++) {
                query.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            queries.add(query.toString());
        }
        for (String query : queries) {
            var result = http.get()
                .uri("/api/search?q={q}&document={d}", query, document)
                .exchange()
                .returnResult(String.class);
            int status = result.getStatus().value();
            assertThat(status).as("status for %s: %s", query, result.getResponseBody()).isIn(200, 400);
            if (status == 400) {
                assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(result.getResponseBody()).as("for %s", query)
                    .containsAnyOf("empty-query", "nothing-to-search-for", "query-too-long", "query-too-complex");
            }
        }
    }

    private int status(String uri) {
        return http.get().uri(absolute(uri)).exchange().returnResult(String.class).getStatus().value();
    }

    /**
     * The URI exactly as written, already encoded: no template expansion or further
     * encoding.
     */
    private URI absolute(String uri) {
        return URI.create("http://localhost:" + port + uri);
    }

    private JsonNode assertProblem(String uri, int status, String type) {
        var result = http.get().uri(absolute(uri)).exchange().returnResult(JsonNode.class);
        assertThat(result.getStatus().value()).as("status of %s", uri).isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = result.getResponseBody();
        assertThat(body.path("type").asString()).as("type of %s", uri).isEqualTo(PROBLEMS + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).isNotBlank();
        return body;
    }

}
