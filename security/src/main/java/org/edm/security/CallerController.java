package org.edm.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the caller is and what it may do, so a client (the web module)
 * can offer only the actions the credential allows. Needs any valid credential; answers
 * no secret.
 *
 * <pre>{@code
 * curl -H "Authorization: Bearer $KEY" http://localhost:8082/api/me
 * {"name":"reader-alice","scopes":["documents:read"]}
 * }</pre>
 */
@RestController
class CallerController {

    static final String PATH = "/api/me";

    /**
     * @param name the key's name (or the token's subject)
     * @param scopes the scopes it holds, {@code admin} expanded to every scope it implies
     */
    record Me(String name, List<String> scopes) {
    }

    @GetMapping(PATH)
    Me me(Authentication authentication) {
        List<String> scopes = authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority != null && authority.startsWith(ScopeAuthorities.PREFIX))
            .map(authority -> authority.substring(ScopeAuthorities.PREFIX.length()))
            .filter(Scopes::isKnown)
            .toList();
        return new Me(authentication.getName(), scopes);
    }

}
