package org.edm.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads {@code api_keys} by hash, and writes {@code last_used_at} at most once per
 * {@code lastUsedInterval} per key so that authentication is one indexed read per
 * request, not a write.
 */
final class ApiKeyStore {

    private static final String BY_HASH = """
            SELECT id, name, scopes, revoked_at IS NOT NULL AS revoked
              FROM api_keys
             WHERE key_hash = :hash
            """;

    private static final String TOUCH = "UPDATE api_keys SET last_used_at = now() WHERE id = :id";

    private final JdbcClient jdbc;

    private final Duration lastUsedInterval;

    private final Map<UUID, Instant> lastWritten = new ConcurrentHashMap<>();

    ApiKeyStore(JdbcClient jdbc, Duration lastUsedInterval) {
        this.jdbc = jdbc;
        this.lastUsedInterval = lastUsedInterval;
    }

    Optional<StoredKey> findByHash(String hash) {
        return jdbc.sql(BY_HASH)
            .param("hash", hash)
            .query((row, n) -> new StoredKey(row.getObject("id", UUID.class), row.getString("name"),
                    Arrays.asList((String[]) row.getArray("scopes").getArray()), row.getBoolean("revoked")))
            .optional();
    }

    /**
     * Records that the key was used, unless that was written less than
     * {@code lastUsedInterval} ago.
     */
    void touch(UUID keyId, Instant now) {
        boolean[] due = { false };
        lastWritten.compute(keyId, (id, last) -> {
            if (last == null || !now.isBefore(last.plus(lastUsedInterval))) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (due[0]) {
            jdbc.sql(TOUCH).param("id", keyId).update();
        }
    }

    record StoredKey(UUID id, String name, List<String> scopes, boolean revoked) {

        StoredKey {
            scopes = List.copyOf(scopes);
        }

        @Nullable String refusal() {
            return revoked ? "The API key has been revoked." : null;
        }
    }

}
