package org.edm.testsupport;

import java.security.SecureRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.edm.security.ApiKeyFormat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys for tests, written straight into {@code api_keys} of a migrated test database
 * in the format and with the hash the services check ({@link ApiKeyFormat}); each key
 * gets a unique name.
 */
public final class TestApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public TestApiKeys(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Keys in the shared test database. */
    public static TestApiKeys shared() {
        return new TestApiKeys(TestInfrastructure.shared().dataSource());
    }

    /** A new valid key with {@code scopes}; returns the plaintext key. */
    public String create(String... scopes) {
        String key = ApiKeyFormat.generate(RANDOM);
        jdbc.sql("""
                INSERT INTO api_keys (id, name, key_prefix, key_hash, scopes)
                VALUES (:id, :name, :prefix, :hash, string_to_array(:scopes, ','))
                """)
            .param("id", UUID.randomUUID())
            .param("name", "test-" + UUID.randomUUID())
            .param("prefix", ApiKeyFormat.displayPrefix(key))
            .param("hash", ApiKeyFormat.hash(key))
            .param("scopes", String.join(",", scopes))
            .update();
        return key;
    }

    /** A key with every document scope (read, write, delete), as most API tests need. */
    public String documents() {
        return create("documents:read", "documents:write", "documents:delete");
    }

    /** A key that was valid and has been revoked. */
    public String revoked(String... scopes) {
        String key = create(scopes);
        jdbc.sql("UPDATE api_keys SET revoked_at = now() WHERE key_hash = :hash")
            .param("hash", ApiKeyFormat.hash(key))
            .update();
        return key;
    }

}
