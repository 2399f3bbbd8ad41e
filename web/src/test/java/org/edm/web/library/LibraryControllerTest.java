package org.edm.web.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.edm.web.FakeApis.Answer;
import org.edm.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class LibraryControllerTest extends WebTest {

    private static final String TWO_DOCUMENTS = """
            {"documents":[
              {"id":"11111111-1111-1111-1111-111111111111","title":"OUCH","version":"4.2","status":"processing",
               "uploadDate":"2026-11-29T10:00:00","pageCount":null,"sectionCount":null,"failureReason":null},
              {"id":"22222222-2222-2222-2222-222222222222","title":"Locked","version":"1.0","status":"failed",
               "uploadDate":"2026-11-29T09:00:00","pageCount":null,"sectionCount":null,"failureReason":"encrypted"}
            ],"total":2}""";

    @Test
    void aReadOnlyKeySeesNoUploadControl() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json(TWO_DOCUMENTS));

        String page = mvc.perform(get("/").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("OUCH").doesNotContain("id=\"upload-panel\"").doesNotContain("type=\"file\"");
    }

    @Test
    void aWriterSeesTheUploadPanelWithLabelledControls() throws Exception {
        var session = signedIn("documents:read", "documents:write");
        APIS.on("GET", "/api/documents", Answer.json(TWO_DOCUMENTS));

        String page = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"upload-panel\"").contains("<label for=\"files\">");
    }

    @Test
    void failedDocumentsSayWhyInWordsAndTheTablePollsWhileOneIsProcessing() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json(TWO_DOCUMENTS));

        String rows = mvc.perform(get("/library/rows").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(rows).contains("the PDF is protected by a password")
            .contains("hx-trigger=\"every 2s, refresh\"")
            .doesNotContain("<html");
    }

    @Test
    void theTableStopsPollingWhenNothingIsInProgress() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json("""
                {"documents":[{"id":"11111111-1111-1111-1111-111111111111","title":"OUCH","version":"4.2",
                 "status":"done","uploadDate":"2026-11-29T10:00:00","pageCount":12,"sectionCount":40}],"total":1}"""));

        String rows = mvc.perform(get("/library/rows").session(session)).andReturn().getResponse().getContentAsString();

        assertThat(rows).contains("hx-trigger=\"refresh\"").doesNotContain("every 2s").contains(">40<");
    }

    @Test
    void filtersReachTheApiAndUnknownStatusesAreDropped() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json("{\"documents\":[],\"total\":0}"));

        mvc.perform(get("/").param("status", "failed").param("title", "ouch").session(session));
        mvc.perform(get("/").param("status", "bogus").session(session));

        assertThat(APIS.received.get(0).query()).contains("status=failed").contains("title=ouch");
        assertThat(APIS.received.get(1).query()).doesNotContain("status");
    }

    @Test
    void aKeyRevokedWhileTheTablePollsSendsHtmxToTheSignInPageInsteadOfSwappingItIntoTheTable() throws Exception {
        // given: signed in, and then the API stops accepting the key
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.problem(401, "unauthorized", "The credential is not valid."));

        // when: htmx polls the table
        var poll = mvc.perform(get("/library/rows").session(session).header("HX-Request", "true"))
            .andReturn()
            .getResponse();

        // then: no sign-in form to swap (a 401 is not swapped), HX-Redirect loads the
        // signed-out page instead
        assertThat(poll.getStatus()).isEqualTo(401);
        assertThat(poll.getHeader("HX-Redirect")).isEqualTo("/sign-in?expired");
        assertThat(poll.getContentAsString()).isEmpty();
        assertThat(session.isInvalid()).isTrue();
        String signIn = mvc.perform(get("/sign-in").param("expired", ""))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(signIn).contains("You were signed out").contains("Sign in again").contains("role=\"alert\"");
    }

    @Test
    void aSessionThatEndedWhileTheTablePollsSendsHtmxToTheSignInPage() throws Exception {
        // given: no session (it timed out, or the web module restarted)
        var browser = new MockHttpSession();

        // when: htmx polls the table
        var poll = mvc.perform(get("/library/rows").session(browser).header("HX-Request", "true"))
            .andReturn()
            .getResponse();

        // then
        assertThat(poll.getStatus()).isEqualTo(401);
        assertThat(poll.getHeader("HX-Redirect")).isEqualTo("/sign-in?session-ended");
        assertThat(poll.getContentAsString()).doesNotContain("API key");
        String signIn = mvc.perform(get("/sign-in").param("session-ended", ""))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(signIn).contains("your session ended. Sign in again.");
        // and signing in again leads to the library, not to the table alone
        APIS.on("GET", "/api/me", Answer.json("{\"name\":\"alice\",\"scopes\":[\"documents:read\"]}"));
        mvc.perform(post("/sign-in").session(browser).with(csrf()).param("key", KEY)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aPageWithoutSessionStillRedirectsToTheSignInPage() throws Exception {
        mvc.perform(get("/library/rows")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theFamilyFilterOffersTheFamiliesAndAsksTheApiForExactlyOne() throws Exception {
        // given
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json(TWO_DOCUMENTS));
        APIS.on("GET", "/api/families", Answer
            .json("""
                    {"families":[{"family":"nasdaq ouch","title":"Nasdaq OUCH","versions":2,"newest":null},
                                 {"family":"nasdaq ouch draft","title":"Nasdaq OUCH draft","versions":1,"newest":null}]}"""));

        // when
        String page = mvc.perform(get("/").param("family", "nasdaq ouch").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        // then: the family key (not a title substring) reaches the API, and the polled
        // table keeps it
        String query = APIS.received.stream()
            .filter(r -> r.path().equals("/api/documents"))
            .findFirst()
            .orElseThrow()
            .query();
        assertThat(query).contains("family=nasdaq%20ouch").doesNotContain("title=");
        assertThat(page).contains("<label for=\"family\">Family")
            .contains("<option value=\"nasdaq ouch\" selected=\"selected\">Nasdaq OUCH (2 versions)</option>")
            .contains("<option value=\"nasdaq ouch draft\">Nasdaq OUCH draft (1 version)</option>")
            .containsPattern("hx-get=\"/library/rows\\?[^\"]*family=nasdaq%20ouch");
    }

    @Test
    void theLibraryStillListsWhenTheFamiliesCannotBeRead() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json(TWO_DOCUMENTS));
        APIS.on("GET", "/api/families", Answer.problem(503, "unavailable", "later"));

        String page = mvc.perform(get("/").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("OUCH").contains("<label for=\"family\">Family");
    }

}
