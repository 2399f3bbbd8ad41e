package org.edm.migrations.keys;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code keys list} shows of a key: never the key, only its first characters.
 *
 * @param name the key's name
 * @param keyPrefix the key's first characters
 * @param scopes its scopes
 * @param createdAt when it was created
 * @param lastUsedAt when a service last accepted it (updated at most once a minute), or
 * null
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record ApiKeyInfo(String name, String keyPrefix, List<String> scopes, Instant createdAt,
        @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public ApiKeyInfo {
        scopes = List.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
