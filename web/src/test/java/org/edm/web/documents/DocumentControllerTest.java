package org.edm.web.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.edm.web.FakeApis.Answer;
import org.edm.web.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentControllerTest extends WebTest {

    private static final String DOC = "11111111-1111-1111-1111-111111111111";

    private static final String CHAPTER = "22222222-2222-2222-2222-222222222222";

    private static final String SECTION = "33333333-3333-3333-3333-333333333333";

    private static final String NEXT = "44444444-4444-4444-4444-444444444444";

    @BeforeEach
    void apis() {
        APIS.on("GET", "/api/documents/" + DOC, Answer.json("""
                {"id":"%s","title":"OUCH","version":"4.2","status":"done","uploadDate":"2026-11-29T10:00:00",
                 "pageCount":12,"metadata":{"size_bytes":86837,"original_filename":"Ouch.v4.2.pdf"},"sectionCount":3,
                 "updatedAt":"2026-11-29T10:00:05"}""".formatted(DOC)));
        APIS.on("GET", "/api/documents/" + DOC + "/sections", Answer.json("""
                {"documentId":"%s","title":"OUCH","version":"4.2","sections":[
                 {"id":"%s","parentId":null,"level":1,"title":"1 Messages","pageNumber":3,"orderIndex":0},
                 {"id":"%s","parentId":"%s","level":2,"title":"1.1 Enter Order","pageNumber":4,"orderIndex":1},
                 {"id":"%s","parentId":"%s","level":2,"title":"1.2 Replace <Order>","pageNumber":5,"orderIndex":2}]}"""
            .formatted(DOC, CHAPTER, SECTION, CHAPTER, NEXT, CHAPTER)));
        APIS.on("GET", "/api/sections/" + SECTION, Answer.json("""
                {"id":"%s","document":{"id":"%s","title":"OUCH","version":"4.2","status":"done"},"parentId":"%s",
                 "level":2,"title":"1.1 Enter Order","content":"The Enter Order message <b>adds</b> an order.",
                 "pageNumber":4,"orderIndex":1,"breadcrumb":[{"id":"%s","title":"1 Messages"}],
                 "previous":{"id":"%s","title":"1 Messages"},"next":{"id":"%s","title":"1.2 Replace <Order>"}}"""
            .formatted(SECTION, DOC, CHAPTER, CHAPTER, CHAPTER, NEXT)));
    }

    @Test
    void aSectionShowsTheTreeOpenAtItItsBreadcrumbNeighboursPageLinkAndPermalink() throws Exception {
        var session = signedIn("documents:read");

        String page = mvc.perform(get("/documents/" + DOC + "/sections/" + SECTION).session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("<details open=\"open\">")
            .containsPattern("aria-current=\"page\"[^>]*>1.1 Enter Order<|>1.1 Enter Order</a>")
            .contains("p. 4")
            .contains("The Enter Order message &lt;b&gt;adds&lt;/b&gt; an order.")
            .contains("/documents/" + DOC + "/file#page=4")
            .contains("rel=\"next\" href=\"/documents/" + DOC + "/sections/" + NEXT + "\"")
            .contains("1.2 Replace &lt;Order&gt;")
            .contains("value=\"http://localhost/documents/" + DOC + "/sections/" + SECTION + "\"")
            .doesNotContain("Delete</button>")
            .doesNotContain("Reprocess</button>");
    }

    @Test
    void holdersOfTheScopesGetDeleteAndReprocessWithAConfirmation() throws Exception {
        var session = signedIn("documents:read", "documents:write", "documents:delete");

        String page = mvc.perform(get("/documents/" + DOC).session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("Delete</button>")
            .contains("Reprocess</button>")
            .contains("data-confirm=\"Delete OUCH 4.2 and its sections? This cannot be undone.\"");
    }

    @Test
    void deleteCallsIngestWithTheKeyAndReturnsToTheLibrary() throws Exception {
        var session = signedIn("documents:read", "documents:delete");
        APIS.on("DELETE", "/api/documents/" + DOC, new Answer(204, "application/json", ""));

        mvc.perform(post("/documents/" + DOC + "/delete").session(session).with(csrf())).andExpect(redirectedUrl("/"));

        assertThat(APIS.received).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("DELETE");
            assertThat(r.authorization()).isEqualTo("Bearer " + KEY);
        });
    }

}
