package org.edm.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A real OpenID provider for the web module's sign-in tests: Spring Authorization Server
 * in the test JVM, on a free port of 127.0.0.1 and addressed as {@code localhost} (so its
 * cookies and the web module's do not mix), with one person ({@link #USER}) and one
 * confidential client ({@link #CLIENT_ID}) that must use PKCE. Access tokens are JWTs
 * with a {@code scope} claim, the shape the services accept in JWT mode. They live
 * {@link #ACCESS_TOKEN_LIFETIME}, less than the minute before expiry at which the web
 * module refreshes them, so every page refreshes one.
 */
public final class TestOpenIdProvider {

    public static final String CLIENT_ID = "edm-web";

    public static final String CLIENT_SECRET = "edm-web-secret";

    public static final String USER = "alice";

    public static final String PASSWORD = "alice-password";

    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(30);

    private final ConfigurableApplicationContext context;

    private TestOpenIdProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the provider; {@code redirectUris} are the web module's callback URLs it
     * accepts.
     */
    public static TestOpenIdProvider start(List<String> redirectUris) {
        var context = new SpringApplicationBuilder(Server.class)
            .properties("spring.config.name=test-openid-provider", "server.port=0", "server.address=127.0.0.1",
                    "server.servlet.session.cookie.name=IDP_SESSION", "spring.main.banner-mode=off",
                    "management.endpoints.enabled-by-default=false",
                    "test-openid-provider.redirect-uris=" + String.join(",", redirectUris))
            .run();
        return new TestOpenIdProvider(context);
    }

    /** The issuer, e.g. {@code http://localhost:41234}. */
    public String issuer() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Revokes every token the provider issued (as an administrator would end a person's
     * sessions).
     */
    public void revokeEverything() {
        context.getBean(RevocableAuthorizations.class).revokeAll();
    }

    public void stop() {
        context.close();
    }

    /** The provider's Spring configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableWebSecurity
    static class Server {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            return http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
            })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(
                    User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
        }

        @Bean
        RegisteredClientRepository clients(Environment environment) {
            RegisteredClient.Builder web = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope("documents:read")
                .scope("documents:write")
                .scope("documents:delete")
                .clientSettings(
                        ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME).build());
            for (String uri : environment.getRequiredProperty("test-openid-provider.redirect-uris").split(",")) {
                web.redirectUri(uri);
            }
            return new InMemoryRegisteredClientRepository(web.build());
        }

        @Bean
        RevocableAuthorizations authorizations() {
            return new RevocableAuthorizations();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

    }

    /** The provider's grants, in memory, with a way to revoke them all. */
    static final class RevocableAuthorizations implements OAuth2AuthorizationService {

        private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();

        private final List<String> ids = new CopyOnWriteArrayList<>();

        @Override
        public void save(OAuth2Authorization authorization) {
            delegate.save(authorization);
            ids.add(authorization.getId());
        }

        @Override
        public void remove(OAuth2Authorization authorization) {
            delegate.remove(authorization);
        }

        @Override
        public @Nullable OAuth2Authorization findById(String id) {
            return delegate.findById(id);
        }

        @Override
        public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
            return delegate.findByToken(token, tokenType);
        }

        void revokeAll() {
            for (String id : ids) {
                OAuth2Authorization authorization = delegate.findById(id);
                if (authorization != null) {
                    delegate.remove(authorization);
                }
            }
        }

    }

}
