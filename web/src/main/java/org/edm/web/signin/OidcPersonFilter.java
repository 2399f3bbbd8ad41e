package org.edm.web.signin;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.edm.web.api.ApiKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For a person signed in through OIDC, turns the session's OAuth2 sign-in into the
 * {@link Person} the pages use, for this request only: the name from the ID token, the
 * scopes of the access token (they decide the buttons, as a key's scopes do) and the
 * access token itself as the credential the APIs get (refreshed with the refresh token
 * when it is about to expire). When no valid access token can be had the person is signed
 * out ({@link SignedOut}).
 */
final class OidcPersonFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OidcPersonFilter.class);

    private final OAuth2AuthorizedClientManager clients;

    private final Clock clock;

    OidcPersonFilter(OAuth2AuthorizedClientManager clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken signIn)) {
            chain.doFilter(request, response);
            return;
        }
        OAuth2AuthorizedClient client;
        try {
            client = clients
                .authorize(OAuth2AuthorizeRequest.withClientRegistrationId(signIn.getAuthorizedClientRegistrationId())
                    .principal(signIn)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response)
                    .build());
        }
        catch (OAuth2AuthorizationException e) {
            log.info("OIDC sign-in of {} ended: {}", signIn.getName(), e.getError().getErrorCode());
            client = null;
        }
        OAuth2AccessToken token = client == null ? null : client.getAccessToken();
        if (token == null || (token.getExpiresAt() != null && !token.getExpiresAt().isAfter(clock.instant()))) {
            SignedOut.end(request);
            if (SignedOut.isHtmx(request)) {
                SignedOut.answerHtmx(request, response, SignedOut.CREDENTIAL_REFUSED);
            }
            else {
                response.sendRedirect(request.getContextPath() + SignedOut.CREDENTIAL_REFUSED);
            }
            return;
        }
        Set<String> scopes = new TreeSet<>(token.getScopes());
        var person = new Person(name(signIn), scopes, new ApiKey(token.getTokenValue()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null,
                scopes.stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList()));
        // for this request only: the session keeps the OAuth2 sign-in (no explicit save
        // here)
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static String name(OAuth2AuthenticationToken signIn) {
        if (signIn.getPrincipal() instanceof OidcUser user) {
            for (String name : new String[] { user.getPreferredUsername(), user.getEmail(), user.getFullName() }) {
                if (name != null && !name.isBlank()) {
                    return name;
                }
            }
        }
        return signIn.getName();
    }

}
