package org.edm.web.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.edm.web.FakeApis.Answer;
import org.edm.web.WebTest;
import org.junit.jupiter.api.Test;

class LibraryControllerTests extends WebTest {

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

        String page = mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

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

        String rows = mvc.perform(get("/library/rows").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(rows).contains("the PDF is protected by a password").contains("hx-trigger=\"every 2s, refresh\"")
                .doesNotContain("<html");
    }

    @Test
    void theTableStopsPollingWhenNothingIsInProgress() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.json("""
                {"documents":[{"id":"11111111-1111-1111-1111-111111111111","title":"OUCH","version":"4.2",
                 "status":"done","uploadDate":"2026-11-29T10:00:00","pageCount":12,"sectionCount":40}],"total":1}"""));

        String rows = mvc.perform(get("/library/rows").session(session)).andReturn().getResponse()
                .getContentAsString();

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
}
