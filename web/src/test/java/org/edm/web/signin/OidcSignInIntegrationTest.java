package org.edm.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.edm.identity.TestOpenIdProvider;
import org.edm.web.FakeApis;
import org.edm.web.FakeApis.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OIDC sign-in against a real OpenID provider ({@link TestOpenIdProvider}, Spring
 * Authorization Server in this JVM): the web module on a real port, a plain HTTP client
 * as the browser (cookies, redirects followed one by one, the provider's login form
 * posted), the APIs played by {@link FakeApis}. Nothing of the provider is mocked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("oidc")
class OidcSignInIntegrationTest {

    private static final FakeApis APIS = new FakeApis();

    private static final int WEB_PORT = freePort();

    private static final String WEB = "http://127.0.0.1:" + WEB_PORT;

    private static final TestOpenIdProvider PROVIDER = TestOpenIdProvider
        .start(List.of(WEB + "/login/oauth2/code/oidc", WEB + "/login/oauth2/code/idp-read"));

    private static final String DOCUMENTS = """
            {"documents":[{"id":"11111111-1111-1111-1111-111111111111","title":"OUCH","version":"4.2",
             "status":"processing","uploadDate":"2026-11-29T10:00:00"}],"total":1}""";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> WEB_PORT);
        registry.add("edm.web.ingest-url", APIS::url);
        registry.add("edm.web.search-url", APIS::url);
        // the documented settings (profile oidc, EDM_WEB_OIDC_*), scopes left at their
        // default
        registry.add("EDM_WEB_OIDC_ISSUER_URI", PROVIDER::issuer);
        registry.add("EDM_WEB_OIDC_CLIENT_ID", () -> TestOpenIdProvider.CLIENT_ID);
        registry.add("EDM_WEB_OIDC_CLIENT_SECRET", () -> TestOpenIdProvider.CLIENT_SECRET);
        registry.add("EDM_WEB_OIDC_NAME", () -> "Test IdP");
        // and a second registration that asks only to read
        registry.add("spring.security.oauth2.client.registration.idp-read.provider", () -> "oidc");
        registry.add("spring.security.oauth2.client.registration.idp-read.client-id",
                () -> TestOpenIdProvider.CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.idp-read.client-secret",
                () -> TestOpenIdProvider.CLIENT_SECRET);
        registry.add("spring.security.oauth2.client.registration.idp-read.client-name", () -> "Test IdP (read only)");
        registry.add("spring.security.oauth2.client.registration.idp-read.scope", () -> "openid,documents:read");
    }

    @AfterAll
    static void stop() {
        PROVIDER.stop();
        APIS.close();
    }

    @BeforeEach
    void apis() {
        APIS.reset();
        APIS.on("GET", "/api/documents", Answer.json(DOCUMENTS));
        APIS.on("GET", "/api/families", Answer.json("{\"families\":[]}"));
    }

    @Test
    void aPersonSignsInAtTheProviderWithPkceAndThePageCallsTheApisWithTheirAccessToken() throws Exception {
        // given: the sign-in page offers the provider
        var browser = new Browser();
        assertThat(browser.get(WEB + "/sign-in").body()).contains("Sign in with Test IdP")
            .contains("href=\"/oauth2/authorization/oidc\"")
            .contains("Or sign in with an API key");

        // when: the person follows it; the web module sends them to the provider with a
        // PKCE challenge
        HttpResponse<String> toProvider = browser.get(WEB + "/oauth2/authorization/oidc");
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(PROVIDER.issuer() + "/oauth2/authorize?")
            .contains("code_challenge=")
            .contains("code_challenge_method=S256")
            .contains("nonce=");
        // and signs in there with user name and password
        HttpResponse<String> library = browser.signInAtProvider(authorize);

        // then: the library, with what the token's scopes allow (upload panel, as for a
        // writing key)
        assertThat(library.uri().toString()).isEqualTo(WEB + "/");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("Signed in as <strong>alice</strong>")
            .contains("OUCH")
            .contains("id=\"upload-panel\"");
        // and the APIs were called with the provider's signed access token, carrying
        // those scopes
        String bearer = APIS.received.stream()
            .filter(r -> r.path().equals("/api/documents"))
            .findFirst()
            .orElseThrow()
            .authorization();
        assertThat(bearer).startsWith("Bearer ");
        Jwt token = NimbusJwtDecoder.withIssuerLocation(PROVIDER.issuer()).build().decode(bearer.substring(7));
        assertThat(token.getSubject()).isEqualTo(TestOpenIdProvider.USER);
        assertThat(token.getIssuer().toString()).isEqualTo(PROVIDER.issuer());
        assertThat(token.getClaimAsStringList("scope")).contains("documents:read", "documents:write",
                "documents:delete");
        // and no token reached the browser
        assertThat(library.body()).doesNotContain(bearer.substring(7));
        assertThat(browser.cookieValues()).noneMatch(value -> value.contains(bearer.substring(7, 40)));
    }

    @Test
    void aTokenWithTheReadScopeOnlyShowsNoUploadControl() throws Exception {
        var browser = new Browser();

        HttpResponse<String> toProvider = browser.get(WEB + "/oauth2/authorization/idp-read");
        HttpResponse<String> library = browser
            .signInAtProvider(toProvider.headers().firstValue("Location").orElseThrow());

        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("OUCH")
            .doesNotContain("id=\"upload-panel\"")
            .doesNotContain("type=\"file\"");
        String bearer = APIS.received.get(APIS.received.size() - 1).authorization().substring(7);
        assertThat(NimbusJwtDecoder.withIssuerLocation(PROVIDER.issuer())
            .build()
            .decode(bearer)
            .getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "documents:read");
    }

    @Test
    void whenTheProviderRevokesTheSignInWhileTheLibraryPollsHtmxIsSentToTheSignInPage() throws Exception {
        // given: signed in; the table polls (a document is processing)
        var browser = new Browser();
        HttpResponse<String> toProvider = browser.get(WEB + "/oauth2/authorization/oidc");
        assertThat(browser.signInAtProvider(toProvider.headers().firstValue("Location").orElseThrow()).body())
            .contains("every 2s");
        assertThat(browser.get(WEB + "/library/rows", "HX-Request", "true").statusCode()).isEqualTo(200);

        // when: the provider revokes the person's tokens, and the table polls again
        PROVIDER.revokeEverything();
        HttpResponse<String> poll = browser.get(WEB + "/library/rows", "HX-Request", "true");

        // then: the token cannot be refreshed; htmx gets no sign-in form to swap but the
        // signed-out page to load
        assertThat(poll.statusCode()).isEqualTo(401);
        assertThat(poll.headers().firstValue("HX-Redirect")).hasValue("/sign-in?expired");
        assertThat(poll.body()).isEmpty();
        assertThat(browser.get(WEB + "/").headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
    }

    /**
     * A browser without JavaScript: a cookie jar and redirects followed one at a time.
     */
    private static final class Browser {

        private static final Pattern CSRF = Pattern.compile(
                "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

        HttpResponse<String> get(String uri, String... headers) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html");
            if (headers.length > 0) {
                request.headers(headers);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Follows redirects from {@code uri} to the provider's login form, posts it, and
         * follows on to the end.
         */
        HttpResponse<String> signInAtProvider(String uri) throws IOException, InterruptedException {
            HttpResponse<String> loginForm = follow(uri);
            assertThat(loginForm.uri().getPath()).isEqualTo("/login");
            Matcher csrf = CSRF.matcher(loginForm.body());
            assertThat(csrf.find()).as("the provider's login form has a CSRF token").isTrue();
            String form = Map
                .of("username", TestOpenIdProvider.USER, "password", TestOpenIdProvider.PASSWORD, "_csrf",
                        csrf.group(1) != null ? csrf.group(1) : csrf.group(2))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(loginForm.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as("the provider accepts the password").isEqualTo(302);
            return follow(loginForm.uri().resolve(signedIn.headers().firstValue("Location").orElseThrow()).toString());
        }

        private HttpResponse<String> follow(String uri) throws IOException, InterruptedException {
            HttpResponse<String> response = get(uri);
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                response = get(
                        response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString());
            }
            return response;
        }

        List<String> cookieValues() {
            return cookies.getCookieStore().getCookies().stream().map(cookie -> cookie.getValue()).toList();
        }

    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
