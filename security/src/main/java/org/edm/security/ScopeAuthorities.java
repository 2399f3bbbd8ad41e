package org.edm.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Scopes as Spring Security authorities ({@code SCOPE_documents:read}); {@code admin}
 * expands to every scope.
 */
final class ScopeAuthorities {

    static final String PREFIX = "SCOPE_";

    private ScopeAuthorities() {
    }

    static List<GrantedAuthority> of(Collection<String> scopes) {
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (Scopes.ADMIN.equals(scope)) {
                granted.addAll(Scopes.ALL);
            }
            else if (Scopes.isKnown(scope)) {
                granted.add(scope);
            }
        }
        return granted.stream().<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(PREFIX + scope)).toList();
    }

    static String authority(String scope) {
        return PREFIX + scope;
    }

}
