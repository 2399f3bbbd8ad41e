package org.edm.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A JWT's permissions: the scopes in {@code scope} (space-separated) or {@code scp} (list
 * or string), and the values of the optional roles claim that name a scope; {@code admin}
 * implies all. Other values are ignored.
 */
final class JwtScopes implements Converter<Jwt, AbstractAuthenticationToken> {

    private final @Nullable String rolesClaim;

    JwtScopes(@Nullable String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> scopes = new ArrayList<>();
        scopes.addAll(values(jwt.getClaims().get("scope")));
        scopes.addAll(values(jwt.getClaims().get("scp")));
        if (rolesClaim != null && !rolesClaim.isBlank()) {
            scopes.addAll(values(jwt.getClaims().get(rolesClaim)));
        }
        return new JwtAuthenticationToken(jwt, ScopeAuthorities.of(scopes), jwt.getSubject());
    }

    private static List<String> values(@Nullable Object claim) {
        if (claim instanceof String text) {
            return List.of(text.strip().split("\\s+"));
        }
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

}
