package org.edm.migrations.keys;

import java.util.List;

/**
 * A key just created: {@link #key()} is the plaintext, shown once and never stored.
 *
 * @param key the plaintext key, {@code edm_...}
 * @param name the key's name
 * @param scopes its scopes
 */
public record CreatedKey(String key, String name, List<String> scopes) {

    public CreatedKey {
        scopes = List.copyOf(scopes);
    }

    /** Never the key itself: a record printed into a log must not leak it. */
    @Override
    public String toString() {
        return "CreatedKey[name=" + name + ", scopes=" + scopes + "]";
    }
}
