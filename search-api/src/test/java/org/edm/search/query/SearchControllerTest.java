package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;

import org.edm.search.web.PageLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The search endpoint's request handling, without a database: validation, defaults and
 * error mapping.
 */
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(SearchController.class)
class SearchControllerTest {

    @TestConfiguration
    @EnableConfigurationProperties({ SearchSettings.class, PageLimits.class })
    static class Settings {

    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SectionSearch search;

    @Test
    void usesTheDefaultPageSizeAndPassesFiltersOn() {
        given(search.search(eq("order"), eq(new SearchFilters(null, "ITCH", "5.0", 2)), eq(20), isNull()))
            .willReturn(new SearchPage("order", "'order':*", List.of(), 0, false, true, null, 20));

        assertThat(mvc.get().uri("/api/search?q=order&title=ITCH&version=5.0&level=2")).hasStatusOk()
            .bodyJson()
            .extractingPath("$.interpretedAs")
            .isEqualTo("'order':*");
    }

    @Test
    void limitOutsideOneToHundredIsRejectedBeforeSearching() {
        assertThat(mvc.get().uri("/api/search?q=order&limit=101")).hasStatus(HttpStatus.BAD_REQUEST)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyJson()
            .extractingPath("$.parameter")
            .isEqualTo("limit");
        assertThat(mvc.get().uri("/api/search?q=order&limit=0")).hasStatus(HttpStatus.BAD_REQUEST);
        verifyNoInteractions(search);
    }

    @Test
    void missingQueryIsAnEmptyQuery() {
        assertThat(mvc.get().uri("/api/search")).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson()
            .extractingPath("$.type")
            .isEqualTo("https://edm.example/problems/empty-query");
    }

    @Test
    void unknownParameterIsRejected() {
        assertThat(mvc.get().uri("/api/search?q=order&sort=date")).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson()
            .extractingPath("$.type")
            .isEqualTo("https://edm.example/problems/unknown-parameter");
    }

    @Test
    void unexpectedFailureIsAPlainProblemWithoutInternals() throws Exception {
        given(search.search(any(), any(), anyInt(), any())).willThrow(new IllegalStateException("secret detail"));

        var result = mvc.get().uri("/api/search?q=order").exchange();
        assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("secret detail");
    }

}
