package org.edm.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.edm.web.FakeApis.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web module with MockMvc in front and {@link FakeApis} (real HTTP) behind:
 * controllers, templates, security. Every test class extends it unchanged, so they share
 * one application context and one fake.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class WebTest {

    protected static final FakeApis APIS = new FakeApis();

    protected static final String KEY = "edm_test_0123456789abcdefghijklmnopqrstuv";

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void apis(DynamicPropertyRegistry registry) {
        registry.add("edm.web.ingest-url", APIS::url);
        registry.add("edm.web.search-url", APIS::url);
    }

    @BeforeEach
    void resetApis() {
        APIS.reset();
    }

    /**
     * Signs in through the form with a key that has {@code scopes}; the session to send
     * afterwards.
     */
    protected MockHttpSession signedIn(String... scopes) throws Exception {
        String list = String.join("\",\"", scopes);
        APIS.on("GET", "/api/me", Answer
            .json("{\"name\":\"alice\",\"scopes\":[" + (scopes.length == 0 ? "" : "\"" + list + "\"") + "]}"));
        var session = new MockHttpSession();
        mvc.perform(post("/sign-in").session(session).with(csrf()).param("key", KEY));
        APIS.received.clear();
        return session;
    }

    protected static List<String> scopes(String... scopes) {
        return List.of(scopes);
    }

}
