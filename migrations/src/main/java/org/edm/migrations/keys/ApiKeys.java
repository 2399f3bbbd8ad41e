package org.edm.migrations.keys;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.edm.security.ApiKeyFormat;
import org.edm.security.Scopes;
import org.jspecify.annotations.Nullable;

/**
 * The API keys in {@code api_keys}: create (the plaintext key is returned once and stored
 * only as its {@link ApiKeyFormat#hash hash}), list and revoke. Used by the {@code keys}
 * commands of the migration tool and by the local stack, which creates its first admin
 * key through this class.
 */
public final class ApiKeys {

    private static final String INSERT = """
            INSERT INTO api_keys (id, name, key_prefix, key_hash, scopes)
            VALUES (?, ?, ?, ?, ?)
            """;

    private static final String NAME_TAKEN = "SELECT 1 FROM api_keys WHERE name = ?";

    private static final String LIST = """
            SELECT name, key_prefix, scopes, created_at, last_used_at, revoked_at
              FROM api_keys
             ORDER BY created_at, name
            """;

    private static final String REVOKE = """
            UPDATE api_keys SET revoked_at = now() WHERE name = ? AND revoked_at IS NULL
            """;

    private final DataSource dataSource;

    private final SecureRandom random = new SecureRandom();

    public ApiKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Creates a key named {@code name} with {@code scopes} (each one of
     * {@link Scopes#ALL}).
     * @throws KeyRefused if the name is blank or taken, or a scope is unknown or none is
     * given
     */
    public CreatedKey create(String name, List<String> scopes) {
        String trimmedName = name.strip();
        if (trimmedName.isEmpty()) {
            throw new KeyRefused("a key needs a name");
        }
        List<String> distinctScopes = List.copyOf(new LinkedHashSet<>(scopes.stream().map(String::strip).toList()));
        if (distinctScopes.isEmpty()) {
            throw new KeyRefused("a key needs at least one scope (" + String.join(", ", Scopes.ALL) + ")");
        }
        for (String scope : distinctScopes) {
            if (!Scopes.isKnown(scope)) {
                throw new KeyRefused("unknown scope '" + scope + "' (known: " + String.join(", ", Scopes.ALL) + ")");
            }
        }
        String key = ApiKeyFormat.generate(random);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement taken = connection.prepareStatement(NAME_TAKEN)) {
                taken.setString(1, trimmedName);
                try (ResultSet rows = taken.executeQuery()) {
                    if (rows.next()) {
                        throw new KeyRefused("a key named '" + trimmedName + "' exists already");
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, trimmedName);
                insert.setString(3, ApiKeyFormat.displayPrefix(key));
                insert.setString(4, ApiKeyFormat.hash(key));
                insert.setArray(5, connection.createArrayOf("text", distinctScopes.toArray()));
                insert.executeUpdate();
            }
        }
        catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new KeyRefused("a key named '" + trimmedName + "' exists already");
            }
            throw new KeyStoreFailed("cannot create the key: " + e.getMessage(), e);
        }
        return new CreatedKey(key, trimmedName, distinctScopes);
    }

    /** Every key, revoked ones included, oldest first; never the key itself. */
    public List<ApiKeyInfo> list() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LIST);
                ResultSet rows = statement.executeQuery()) {
            List<ApiKeyInfo> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(new ApiKeyInfo(rows.getString("name"), rows.getString("key_prefix"),
                        scopes(rows.getArray("scopes")), instant(rows.getTimestamp("created_at")),
                        instant(rows.getTimestamp("last_used_at")), instant(rows.getTimestamp("revoked_at"))));
            }
            return List.copyOf(keys);
        }
        catch (SQLException e) {
            throw new KeyStoreFailed("cannot list the keys: " + e.getMessage(), e);
        }
    }

    /**
     * Revokes the key named {@code name}; false if there is no such key or it was revoked
     * already.
     */
    public boolean revoke(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(REVOKE)) {
            statement.setString(1, name.strip());
            return statement.executeUpdate() == 1;
        }
        catch (SQLException e) {
            throw new KeyStoreFailed("cannot revoke the key: " + e.getMessage(), e);
        }
    }

    private static List<String> scopes(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
