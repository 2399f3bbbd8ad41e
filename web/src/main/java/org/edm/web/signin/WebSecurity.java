package org.edm.web.signin;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Sessions for people: every page needs a sign-in (an API key checked against
 * {@code GET /api/me}, or OIDC when configured), the session cookie is HttpOnly and
 * SameSite=Lax (application.yml), every form carries a CSRF token (htmx and the upload
 * script send it as a header), and the pages load scripts from this origin only.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-src 'self'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * No user names and passwords (and no generated password in the log): API keys only.
     */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    /**
     * Sign-in through an OpenID provider when one is configured
     * ({@code spring.security.oauth2.client.*}): the authorization code flow with PKCE
     * (also for confidential clients), then {@link OidcPersonFilter} hands the pages a
     * {@link Person} with the access token on every request.
     */
    private static void oidcSignIn(HttpSecurity http, ClientRegistrationRepository oidc,
            OAuth2AuthorizedClientRepository authorizedClients) throws Exception {
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(oidc,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var tokens = new DefaultOAuth2AuthorizedClientManager(oidc, authorizedClients);
        tokens.setAuthorizedClientProvider(
                OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
        http.oauth2Login(login -> login.loginPage("/sign-in")
            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
            .authorizedClientRepository(authorizedClients)
            .failureUrl("/sign-in?oidc-failed"))
            .addFilterBefore(new OidcPersonFilter(tokens, Clock.systemUTC()), AuthorizationFilter.class);
    }

    /**
     * The page to return to after sign-in: never an htmx request (the library's table
     * alone would come back as the whole page).
     */
    private static RequestCache pagesToReturnTo() {
        var pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(request -> !SignedOut.isHtmx(request));
        return pages;
    }

    /**
     * A page without a session goes to the sign-in page (and back afterwards); an htmx
     * request without one (the session ended while the library polled) gets {@code 401}
     * with {@code HX-Redirect} ({@link SignedOut}).
     */
    private static AuthenticationEntryPoint signInFirst() {
        var page = new LoginUrlAuthenticationEntryPoint("/sign-in");
        return (request, response, exception) -> {
            if (SignedOut.isHtmx(request)) {
                SignedOut.answerHtmx(request, response, SignedOut.SESSION_ENDED);
            }
            else {
                page.commence(request, response, exception);
            }
        };
    }

    /** OIDC: the person's tokens live in the HTTP session, and end with it. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, SecurityContextRepository contexts,
            ObjectProvider<ClientRegistrationRepository> registrations,
            OAuth2AuthorizedClientRepository authorizedClients) throws Exception {
        ClientRegistrationRepository oidc = registrations.getIfAvailable();
        if (oidc != null) {
            oidcSignIn(http, oidc, authorizedClients);
        }
        return http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/sign-in", "/css/**", "/js/**", "/webjars/**", "/livez", "/readyz", "/error",
                        "/favicon.ico")
                .permitAll()
                .anyRequest()
                .authenticated())
            .securityContext(context -> context.securityContextRepository(contexts))
            .requestCache(cache -> cache.requestCache(pagesToReturnTo()))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInFirst()))
            .formLogin(form -> form.disable())
            .httpBasic(basic -> basic.disable())
            .logout(logout -> logout.logoutUrl("/sign-out")
                .logoutSuccessUrl("/sign-in?signed-out")
                .deleteCookies("EDM_SESSION"))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
            .build();
    }

}
