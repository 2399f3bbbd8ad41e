package org.edm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtScopesTest {

    @Test
    void scopeScpAndRolesMapOntoScopesAndAdminImpliesAll() {
        JwtScopes scopes = new JwtScopes("roles");

        assertThat(authorities(scopes, Map.of("scope", "openid documents:read")))
            .containsExactly("SCOPE_documents:read");
        assertThat(authorities(scopes, Map.of("scp", List.of("documents:write"), "roles", List.of("documents:delete"))))
            .containsExactlyInAnyOrder("SCOPE_documents:write", "SCOPE_documents:delete");
        assertThat(authorities(scopes, Map.of("roles", List.of("admin")))).containsExactlyInAnyOrder(
                "SCOPE_documents:read", "SCOPE_documents:write", "SCOPE_documents:delete", "SCOPE_admin");
        assertThat(authorities(new JwtScopes(null), Map.of("roles", List.of("admin")))).isEmpty();
    }

    private static List<String> authorities(JwtScopes scopes, Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("s")
            .claims(c -> c.putAll(claims))
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .build();
        return scopes.convert(jwt).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

}
