package org.edm.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.edm.web.FakeApis.Answer;
import org.edm.web.WebTest;
import org.junit.jupiter.api.Test;

class SearchControllerTest extends WebTest {

    @Test
    void hitsShowMarkedSnippetsBreadcrumbsAndNoForeignMarkup() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json("{\"documents\":[],\"total\":0}"));
        APIS.on("GET", "/api/search", Answer.json("""
                {"query":"login","hits":[{"sectionId":"55555555-5555-5555-5555-555555555555","title":"Login Request",
                 "level":2,"breadcrumb":[{"id":"66666666-6666-6666-6666-666666666666","title":"Messages"}],
                 "document":{"id":"77777777-7777-7777-7777-777777777777","title":"SoupBinTCP","version":"3.0"},
                 "pageNumber":4,"score":1.2,
                 "snippet":"the <mark>login</mark> packet <script>alert(1)</script>"}],
                 "total":1,"totalIsEstimate":false,"nextCursor":"abc"}"""));

        String page = mvc.perform(get("/search").param("q", "login").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("the <mark>login</mark> packet &lt;script&gt;")
            .doesNotContain("<script>alert")
            .contains("Messages")
            .contains("SoupBinTCP 3.0")
            .contains("page 4")
            .contains("/documents/77777777-7777-7777-7777-777777777777/sections/55555555-5555-5555-5555-555555555555")
            .contains("cursor=abc");
    }

    @Test
    void aProblemOfTheQueryIsShownInWords() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json("{\"documents\":[],\"total\":0}"));
        APIS.on("GET", "/api/search", Answer.problem(400, "nothing-to-search-for", "only exclusions"));

        String page = mvc.perform(get("/search").param("q", "-order").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("The query only excludes words");
    }

    @Test
    void onlyTheFiltersGivenReachTheApi() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json("{\"documents\":[],\"total\":0}"));
        APIS.on("GET", "/api/search", Answer.json("{\"query\":\"x\",\"hits\":[],\"total\":0}"));

        mvc.perform(get("/search").param("q", "add order").param("level", "2").param("document", "").session(session));

        String query = APIS.received.stream()
            .filter(r -> r.path().equals("/api/search"))
            .findFirst()
            .orElseThrow()
            .query();
        assertThat(query).contains("q=add%20order")
            .contains("level=2")
            .doesNotContain("document")
            .doesNotContain("cursor");
    }

    @Test
    void theVersionFilterIsALabelledFieldThatReachesTheApiAndStaysOnThePagingLinks() throws Exception {
        // given
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json("""
                {"documents":[{"id":"11111111-1111-1111-1111-111111111111","title":"OUCH","version":"4.2",
                 "status":"done","uploadDate":"2026-11-29T10:00:00","pageCount":12,"sectionCount":40}],"total":1}"""));
        APIS.on("GET", "/api/search", Answer.json("{\"query\":\"x\",\"hits\":[],\"total\":0,\"nextCursor\":\"c2\"}"));

        // when
        String page = mvc.perform(get("/search").param("q", "order").param("version", " 4.2 ").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();

        // then
        String query = APIS.received.stream()
            .filter(r -> r.path().equals("/api/search"))
            .findFirst()
            .orElseThrow()
            .query();
        assertThat(query).contains("version=4.2");
        assertThat(page).contains("<label for=\"version\">Version")
            .contains("id=\"version\"")
            .contains("value=\"4.2\"")
            .contains("<option value=\"4.2\">")
            .containsPattern("href=\"[^\"]*version=4\\.2[^\"]*cursor=c2\"");
    }

    @Test
    void noVersionMeansNoVersionFilter() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json("{\"documents\":[],\"total\":0}"));
        APIS.on("GET", "/api/search", Answer.json("{\"query\":\"x\",\"hits\":[],\"total\":0}"));

        mvc.perform(get("/search").param("q", "order").param("version", "").session(session));

        String query = APIS.received.stream()
            .filter(r -> r.path().equals("/api/search"))
            .findFirst()
            .orElseThrow()
            .query();
        assertThat(query).doesNotContain("version");
    }

}
