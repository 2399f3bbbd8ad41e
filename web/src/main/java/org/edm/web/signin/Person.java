package org.edm.web.signin;

import java.util.List;
import java.util.Set;

import org.edm.web.api.ApiKey;

/**
 * The signed-in person: the key's name and scopes (from {@code GET /api/me} at sign-in)
 * and the key itself, which lives in the HTTP session only (never in a cookie value, a
 * URL or a log: {@link #toString()} leaves it out). For an OIDC sign-in: the ID token's
 * user name, the access token's scopes and the access token as the credential
 * ({@link OidcPersonFilter}, per request).
 */
public record Person(String name, Set<String> scopes, ApiKey key) {

    public Person {
        scopes = Set.copyOf(scopes);
    }

    static Person of(String name, List<String> scopes, ApiKey key) {
        return new Person(name, Set.copyOf(scopes), key);
    }

    /** Upload and reprocess ({@code documents:write}). */
    public boolean canWrite() {
        return scopes.contains("documents:write") || scopes.contains("admin");
    }

    /** Delete ({@code documents:delete}). */
    public boolean canDelete() {
        return scopes.contains("documents:delete") || scopes.contains("admin");
    }

    @Override
    public String toString() {
        return "Person[" + name + " " + scopes + "]";
    }
}
