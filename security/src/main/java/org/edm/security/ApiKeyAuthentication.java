package org.edm.security;

import java.util.Collection;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by an API key: the key's id and name, and its scopes as
 * authorities.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final UUID keyId;

    private final String name;

    ApiKeyAuthentication(UUID keyId, String name, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.keyId = keyId;
        this.name = name;
        setAuthenticated(true);
    }

    UUID keyId() {
        return keyId;
    }

    /** The key's name: never the key. */
    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return name;
    }

}
