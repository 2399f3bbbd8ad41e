package org.edm.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.edm.web.FakeApis.Answer;
import org.edm.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

class SignInControllerTest extends WebTest {

    @Test
    void aPageWithoutSignInLeadsToTheSignInForm() throws Exception {
        mvc.perform(get("/"))
            .andExpect(status().is3xxRedirection())
            .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/sign-in")));
    }

    @Test
    void aValidKeySignsInAndStaysOnTheServer() throws Exception {
        // given
        APIS.on("GET", "/api/me", Answer.json("{\"name\":\"alice\",\"scopes\":[\"documents:read\"]}"));
        var session = new MockHttpSession();

        // when
        MvcResult result = mvc.perform(post("/sign-in").session(session).with(csrf()).param("key", KEY))
            .andExpect(redirectedUrl("/"))
            .andReturn();

        // then: the API was asked with the key as Bearer; the key is in no cookie, header
        // or URL of the answer
        assertThat(APIS.received).singleElement()
            .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + KEY));
        var response = result.getResponse();
        assertThat(response.getHeaderNames())
            .allSatisfy(name -> assertThat(String.valueOf(response.getHeaderValues(name))).doesNotContain(KEY));
        assertThat(response.getCookies()).allSatisfy(cookie -> assertThat(cookie.getValue()).doesNotContain(KEY));
        assertThat(String.valueOf(response.getRedirectedUrl())).doesNotContain(KEY);
        // and the session is signed in
        APIS.on("GET", "/api/documents", Answer.json("{\"documents\":[],\"total\":0}"));
        mvc.perform(get("/").session(session))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("alice")));
    }

    @Test
    void aWrongKeyIsRefusedInWords() throws Exception {
        APIS.on("GET", "/api/me", Answer.problem(401, "unauthorized", "bad key"));

        mvc.perform(post("/sign-in").with(csrf()).param("key", "edm_wrong"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("This key is not valid")));
    }

    @Test
    void signInWithoutTheCsrfTokenIsRefused() throws Exception {
        APIS.on("GET", "/api/me", Answer.json("{\"name\":\"alice\",\"scopes\":[\"admin\"]}"));

        mvc.perform(post("/sign-in").param("key", KEY)).andExpect(status().isForbidden());

        assertThat(APIS.received).isEmpty();
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        MockHttpSession session = signedIn("documents:read");

        mvc.perform(post("/sign-out").session(session).with(csrf())).andExpect(redirectedUrl("/sign-in?signed-out"));

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aKeyRevokedWhileSignedInSignsThePersonOut() throws Exception {
        MockHttpSession session = signedIn("documents:read");
        APIS.on("GET", "/api/documents", Answer.problem(401, "unauthorized", "revoked"));

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/sign-in?expired"));

        assertThat(session.isInvalid()).isTrue();
    }

}
