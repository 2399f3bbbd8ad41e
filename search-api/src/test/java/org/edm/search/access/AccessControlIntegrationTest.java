package org.edm.search.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.edm.search.support.TestDocuments;
import org.edm.security.CursorSigner;
import org.edm.testsupport.RealInfrastructure;
import org.edm.testsupport.TestApiKeys;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access control of search-api over real HTTP: every endpoint against every kind of
 * credential, JWTs signed by a key this test owns (its JWK set served by a small local
 * HTTP server), the search rate limit, signed cursors, and the actuator rule (here
 * without the loopback exemption, so that the management port needs {@code admin}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "edm.security.rate-limit.searches=3", "edm.security.management.allow-localhost=false",
                "edm.security.jwt.roles-claim=roles" })
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIntegrationTest {

    private static final String PROBLEMS = "https://edm.example/problems/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final KeyPair TRUSTED = rsaKeyPair();

    private static final KeyPair UNTRUSTED = rsaKeyPair();

    private static final HttpServer JWKS = jwkSetServer();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    final TestDocuments data = new TestDocuments();

    String word;

    UUID document;

    UUID newer;

    UUID section;

    enum Credential {

        NONE, MALFORMED, REVOKED, WITHOUT_SCOPE, WITH_SCOPE

    }

    @DynamicPropertySource
    static void jwkSet(DynamicPropertyRegistry registry) {
        registry.add("edm.security.jwt.jwk-set-uri",
                () -> "http://localhost:" + JWKS.getAddress().getPort() + "/jwks.json");
    }

    @BeforeAll
    void writeDocument() {
        word = TestDocuments.uniqueWord();
        document = data.document("Access " + word, "1.0", "done");
        section = data.section(document, null, 1, 0, "1 " + word, "Text about " + word + " here.", 1);
        data.section(document, null, 1, 1, "2 " + word, "More about " + word + " there.", 2);
        // a second version of the same family, so that the versions endpoints have
        // something to compare
        newer = data.document("Access " + word, "2.0", "done");
        UUID newerSection = data.section(newer, null, 1, 0, "1 " + word, "Text about " + word + " here and now.", 1);
        // the stable key the versions consumer would give it, behind the permalink
        // endpoint
        data.jdbc()
            .sql("INSERT INTO section_keys (section_id, document_id, section_key) VALUES (:s, :d, 'access-key')")
            .param("s", newerSection)
            .param("d", newer)
            .update();
    }

    @AfterAll
    static void stopJwkSet() {
        JWKS.stop(0);
    }

    static Stream<Arguments> endpointsAndCredentials() {
        List<String> paths = List.of("/api/search?q={word}", "/api/documents", "/api/documents/{document}",
                "/api/documents/{document}/sections", "/api/sections/{section}", "/api/families",
                "/api/families/{family}", "/api/compare?from={document}&to={newer}", "/api/documents/{newer}/changes",
                "/api/families/{family}/sections/access-key", "/api/me", "/v3/api-docs", "/swagger-ui/index.html");
        List<Arguments> cases = new ArrayList<>();
        for (String path : paths) {
            for (Credential credential : Credential.values()) {
                cases.add(Arguments.of(path, credential));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "GET {0} with {1}")
    @MethodSource("endpointsAndCredentials")
    void eachEndpointAnswersEachCredentialExactly(String pathTemplate, Credential credential) {
        // given
        String path = pathTemplate.replace("{word}", word)
            .replace("{document}", document.toString())
            .replace("{newer}", newer.toString())
            .replace("{section}", section.toString())
            .replace("{family}", ("access%20" + word).toLowerCase(java.util.Locale.ROOT));
        String key = switch (credential) {
            case NONE -> null;
            case MALFORMED -> "not a key";
            case REVOKED -> TestApiKeys.shared().revoked("documents:read");
            case WITHOUT_SCOPE -> TestApiKeys.shared().create("documents:write", "documents:delete");
            case WITH_SCOPE -> TestApiKeys.shared().create("documents:read");
        };

        // when
        Answer answer = get(port, path, key == null ? Map.of() : Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + key));

        // then
        switch (credential) {
            case NONE, MALFORMED, REVOKED -> assertProblem(answer, 401, "unauthorized");
            // who the caller is may be asked with any valid credential, whatever its
            // scopes
            case WITHOUT_SCOPE -> {
                if (pathTemplate.equals("/api/me")) {
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                }
                else {
                    assertProblem(answer, 403, "missing-scope");
                }
            }
            case WITH_SCOPE -> assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }

    @Test
    void aJwtWithTheScopePassesAndAnExpiredOrForeignOneIsRefused() {
        Instant now = Instant.now();
        String valid = jwt(TRUSTED, Map.of("scope", "documents:read"), now.plusSeconds(300));
        String viaRoles = jwt(TRUSTED, Map.of("roles", List.of("documents:read")), now.plusSeconds(300));
        String adminScp = jwt(TRUSTED, Map.of("scp", List.of("admin")), now.plusSeconds(300));
        String writeOnly = jwt(TRUSTED, Map.of("scope", "documents:write"), now.plusSeconds(300));
        String expired = jwt(TRUSTED, Map.of("scope", "documents:read"), now.minusSeconds(600));
        String foreign = jwt(UNTRUSTED, Map.of("scope", "documents:read"), now.plusSeconds(300));

        assertThat(getWithBearer("/api/search?q=" + word, valid).status()).isEqualTo(200);
        assertThat(getWithBearer("/api/documents/" + document, viaRoles).status()).isEqualTo(200);
        assertThat(getWithBearer("/api/documents/" + document, adminScp).status()).isEqualTo(200);
        assertProblem(getWithBearer("/api/documents/" + document, writeOnly), 403, "missing-scope");
        Answer expiredAnswer = getWithBearer("/api/documents/" + document, expired);
        assertProblem(expiredAnswer, 401, "unauthorized");
        assertThat(expiredAnswer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
        assertProblem(getWithBearer("/api/documents/" + document, foreign), 401, "unauthorized");
    }

    @Test
    void aSearchWhileTheDatabaseIsDownIsRefusedWith503AndRetryAfterAndWorksWhenItIsBack() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        assumeTrue(infrastructure.supportsOutages(), "needs the restartable embedded PostgreSQL");
        // given: a caller whose credential needs no database (a JWT), so that the
        // request reaches the search itself
        String token = jwt(TRUSTED, Map.of("scope", "documents:read"), Instant.now().plusSeconds(300));

        // when: PostgreSQL is down
        infrastructure.stopPostgres();
        Answer refused;
        try {
            refused = getWithBearer("/api/search?q=" + word, token);
        }
        finally {
            infrastructure.startPostgres();
        }

        // then: 503 database-unavailable with Retry-After, not an internal error; and
        // searches answer again once it is back
        assertProblem(refused, 503, "database-unavailable");
        assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            // (a new subject each time: this context allows 3 searches a minute per
            // caller)
            .until(() -> getWithBearer("/api/search?q=" + word,
                    jwt(TRUSTED, Map.of("scope", "documents:read"), Instant.now().plusSeconds(300)))
                .status() == 200);
    }

    @Test
    void searchesBeyondTheAllowanceAre429WithRetryAfter() {
        // given: the allowance is 3 searches per minute for each key
        String key = TestApiKeys.shared().create("documents:read");
        String other = TestApiKeys.shared().create("documents:read");
        for (int i = 0; i < 3; i++) {
            assertThat(getWithBearer("/api/search?q=" + word, key).status()).isEqualTo(200);
        }

        // when
        Answer limited = getWithBearer("/api/search?q=" + word, key);

        // then
        assertProblem(limited, 429, "rate-limited");
        assertThat(Long.parseLong(limited.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(getWithBearer("/api/documents/" + document, key).status()).as("not a search").isEqualTo(200);
        assertThat(getWithBearer("/api/search?q=" + word, other).status()).as("another key").isEqualTo(200);
    }

    @Test
    void aTamperedSearchCursorIsRejectedNotFollowed() {
        // given: a real cursor after the first of two hits
        String key = TestApiKeys.shared().create("admin");
        JsonNode first = JSON.readTree(getWithBearer("/api/search?limit=1&q=" + word, key).body());
        String cursor = first.path("nextCursor").asString();
        assertThat(cursor).isNotEmpty();
        assertThat(getWithBearer("/api/search?limit=1&q=" + word + "&cursor=" + cursor, key).status()).isEqualTo(200);

        // when: the score, a plan flag, or the fingerprint changes under the old
        // signature, or another secret signs it
        String changedScore = tamper(cursor, 1);
        String changedFlag = tamper(cursor, payloadLength(cursor) - 1);
        String changedFingerprint = tamper(cursor, payloadLength(cursor) - 2);
        String otherSecret = new CursorSigner("another secret").sign(cursor.substring(0, cursor.lastIndexOf('.')));
        String unsigned = cursor.substring(0, cursor.lastIndexOf('.'));

        // then
        for (String bad : List.of(changedScore, changedFlag, changedFingerprint, otherSecret, unsigned)) {
            // each within its search allowance
            String fresh = TestApiKeys.shared().create("documents:read");
            assertProblem(getWithBearer("/api/search?limit=1&q=" + word + "&cursor=" + bad, fresh), 400,
                    "invalid-cursor");
        }
    }

    @Test
    void aTamperedListingCursorIsRejected() {
        String key = TestApiKeys.shared().create("documents:read");
        data.document("Access " + word + " second", "1.0", "done");
        JsonNode first = JSON.readTree(getWithBearer("/api/documents?limit=1&title=" + word, key).body());
        String cursor = first.path("nextCursor").asString();
        assertThat(cursor).isNotEmpty();

        assertThat(getWithBearer("/api/documents?limit=1&title=" + word + "&cursor=" + cursor, key).status())
            .isEqualTo(200);
        assertProblem(getWithBearer("/api/documents?limit=1&title=" + word + "&cursor=" + tamper(cursor, 10), key), 400,
                "invalid-cursor");
    }

    @Test
    void probesAreOpenWithoutDetailsAndTheRestOfActuatorNeedsAdmin() {
        String reader = TestApiKeys.shared().create("documents:read");
        String admin = TestApiKeys.shared().create("admin");

        // public port: the probes answer anyone, with the status only
        for (String probe : List.of("/livez", "/readyz")) {
            Answer answer = get(port, probe, Map.of());
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).propertyNames()).containsExactly("status");
        }
        // public port: no actuator at all
        assertThat(get(port, "/actuator/health", bearer(admin)).status()).isEqualTo(404);

        // management port: admin only (the loopback exemption is off in this test)
        int management = managementPort;
        assertProblem(get(management, "/actuator/metrics", Map.of()), 401, "unauthorized");
        assertProblem(get(management, "/actuator/metrics/jvm.memory.used", bearer(reader)), 403, "missing-scope");
        assertProblem(get(management, "/actuator/health", bearer(reader)), 403, "missing-scope");
        assertThat(get(management, "/actuator/metrics", bearer(admin)).status()).isEqualTo(200);
        assertThat(get(management, "/actuator/metrics/jvm.memory.used", bearer(admin)).status()).isEqualTo(200);
        Answer health = get(management, "/actuator/health", bearer(admin));
        assertThat(health.status()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("components").has("db")).isTrue();
    }

    // --- helpers

    record Answer(int status, HttpHeaders headers, String body) {
    }

    private Answer getWithBearer(String path, String token) {
        return get(port, path, bearer(token));
    }

    private static Map<String, String> bearer(String token) {
        return Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private static Answer get(int port, String path, Map<String, String> headers) {
        return RestClient.builder()
            .requestFactory(new JdkClientHttpRequestFactory())
            .baseUrl("http://localhost:" + port)
            .build()
            .get()
            .uri(java.net.URI.create("http://localhost:" + port + path))
            .headers(h -> headers.forEach(h::set))
            .exchange((request, response) -> new Answer(response.getStatusCode().value(), response.getHeaders(),
                    new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
    }

    private static int payloadLength(String cursor) {
        return Base64.getUrlDecoder().decode(cursor.substring(0, cursor.lastIndexOf('.'))).length;
    }

    /** The cursor with one byte of its payload changed and its old signature kept. */
    private static String tamper(String cursor, int index) {
        int dot = cursor.lastIndexOf('.');
        byte[] payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
        payload[index] ^= 0x01;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + cursor.substring(dot);
    }

    private static String jwt(KeyPair signer, Map<String, Object> claims, Instant expiry) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("client-" + UUID.randomUUID())
            .issueTime(Date.from(expiry.minusSeconds(900)))
            .expirationTime(Date.from(expiry));
        claims.forEach(builder::claim);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(),
                builder.build());
        try {
            token.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Serves the trusted public key as a JWK set, as an identity provider's jwks_uri
     * would.
     */
    private static HttpServer jwkSetServer() {
        byte[] jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) TRUSTED.getPublic()).keyID("test").build())
            .toString()
            .getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
