package org.edm.web.signin;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.edm.web.api.ApiClient;
import org.edm.web.api.ApiKey;
import org.edm.web.api.ApiProblem;
import org.edm.web.api.ApiUnavailable;
import org.edm.web.api.ApiViews.Me;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in with an API key: checked by asking the API who it belongs to; the key stays in
 * the session. When OpenID providers are configured the page also offers "Sign in with
 * ..." for each (the flow itself is Spring Security's {@code oauth2Login}, see
 * {@link WebSecurity}).
 */
@Controller
class SignInController {

    private static final Logger log = LoggerFactory.getLogger(SignInController.class);

    private final ApiClient api;

    private final SecurityContextRepository contexts;

    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    private final CsrfAuthenticationStrategy newCsrfToken = new CsrfAuthenticationStrategy(
            new HttpSessionCsrfTokenRepository());

    private final List<Provider> providers;

    /**
     * An OpenID provider the page offers: its registration id (the sign-in link's last
     * segment) and name.
     */
    record Provider(String id, String name) {
    }

    SignInController(ApiClient api, SecurityContextRepository contexts,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.api = api;
        this.contexts = contexts;
        List<Provider> offered = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                if (registration instanceof ClientRegistration oidc
                        && AuthorizationGrantType.AUTHORIZATION_CODE.equals(oidc.getAuthorizationGrantType())) {
                    offered.add(new Provider(oidc.getRegistrationId(), oidc.getClientName()));
                }
            }
        }
        this.providers = List.copyOf(offered);
    }

    @ModelAttribute("providers")
    List<Provider> providers() {
        return providers;
    }

    @GetMapping("/sign-in")
    String form() {
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(name = "key", defaultValue = "") String key, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (key.isBlank()) {
            model.addAttribute("error", "Enter your API key.");
            return "sign-in";
        }
        Me me;
        try {
            me = api.me(new ApiKey(key));
        }
        catch (ApiProblem problem) {
            model.addAttribute("error", problem.status() == 401
                    ? "This key is not valid (mistyped, revoked or expired)." : problem.inWords());
            return "sign-in";
        }
        catch (ApiUnavailable e) {
            log.warn("Sign-in failed: {}", e.getMessage());
            model.addAttribute("error", "The services are not reachable right now; try again shortly.");
            return "sign-in";
        }
        var person = Person.of(me.name(), me.scopes(), new ApiKey(key));
        List<SimpleGrantedAuthority> authorities = me.scopes()
            .stream()
            .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
            .toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(person, null, authorities);
        request.getSession();
        // a session id seen before sign-in is worthless after it
        request.changeSessionId();
        newCsrfToken.onAuthentication(authentication, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        log.info("Signed in: key={} scopes={}", me.name(), me.scopes());
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return "redirect:" + (saved != null && "GET".equals(saved.getMethod()) ? localPath(saved) : "/");
    }

    /** Only a path of this site (never an open redirect to another one). */
    private static String localPath(SavedRequest saved) {
        java.net.URI uri = java.net.URI.create(saved.getRedirectUrl());
        String path = uri.getRawPath() == null || !uri.getRawPath().startsWith("/") ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

}
