package org.edm.web.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.edm.web.FakeApis.Answer;
import org.edm.web.WebTest;
import org.junit.jupiter.api.Test;

class VersionsControllerTest extends WebTest {

    private static final String FAMILY = """
            {"family":"ouch","title":"OUCH","versions":[
              {"id":"11111111-1111-1111-1111-111111111111","version":"4.1","status":"done",
               "uploadDate":"2026-11-28T10:00:00Z","latest":false,"comparedWith":null,"changes":null},
              {"id":"22222222-2222-2222-2222-222222222222","version":"4.2","status":"done",
               "uploadDate":"2026-11-29T10:00:00Z","latest":true,
               "comparedWith":"11111111-1111-1111-1111-111111111111",
               "changes":{"unchanged":30,"changed":2,"added":1,"removed":0,"moved":1,"renamed":1}}]}""";

    @Test
    void aFamilyListsItsVersionsWithChangeCountsAndLinksToTheComparison() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/families/OUCH", Answer.json(FAMILY));

        String page = mvc.perform(get("/families/OUCH").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("2 changed, 1 added, 0 removed, 1 moved, 1 renamed")
            .contains("/compare?from=11111111-1111-1111-1111-111111111111&amp;to=22222222-2222-2222-2222-222222222222")
            .contains("(latest)");
    }

    @Test
    void theComparisonHighlightsRemovedAndAddedWordsAndEscapesThem() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/families/ouch", Answer.json(FAMILY));
        APIS.on("GET", "/api/compare", Answer
            .json("""
                    {"family":"ouch","from":{"id":"11111111-1111-1111-1111-111111111111","version":"4.1"},
                     "to":{"id":"22222222-2222-2222-2222-222222222222","version":"4.2"},
                     "counts":{"unchanged":30,"changed":1,"added":0,"removed":0,"moved":0,"renamed":1},
                     "changes":[
                      {"kind":"changed","key":"messages/enter-order","fromSectionId":"33333333-3333-3333-3333-333333333333",
                       "toSectionId":"44444444-4444-4444-4444-444444444444","fromTitle":"Enter Order",
                       "toTitle":"Enter Order","hunks":[{"fromWord":3,"toWord":3,"removed":"14 bytes","added":"<b>16 bytes"}]},
                      {"kind":"renamed","key":"messages/cancel","fromSectionId":"55555555-5555-5555-5555-555555555555",
                       "toSectionId":"66666666-6666-6666-6666-666666666666","fromTitle":"Cancel","toTitle":"Cancel Order",
                       "hunks":[]}],
                     "total":2,"offset":0,"limit":50}"""));

        String page = mvc
            .perform(get("/compare").param("from", "11111111-1111-1111-1111-111111111111")
                .param("to", "22222222-2222-2222-2222-222222222222")
                .session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("1 changed, 0 added, 0 removed, 0 moved, 1 renamed, 30 unchanged")
            .containsPattern("<del[^>]*>14 bytes</del>")
            .containsPattern("<ins[^>]*>&lt;b&gt;16 bytes</ins>")
            .containsPattern("<del>Cancel</del> → <ins>Cancel Order</ins>")
            .contains("/documents/22222222-2222-2222-2222-222222222222/sections/44444444-4444-4444-4444-444444444444");
    }

    @Test
    void comparingVersionsOfTwoFamiliesIsExplainedInWords() throws Exception {
        var session = signedIn("documents:read");
        APIS.on("GET", "/api/compare", Answer.problem(409, "not-comparable", "different families"));

        String page = mvc
            .perform(get("/compare").param("from", "11111111-1111-1111-1111-111111111111")
                .param("to", "22222222-2222-2222-2222-222222222222")
                .session(session))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("These two cannot be compared");
    }

}
