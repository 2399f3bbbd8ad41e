package org.edm.migrations.roles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Gives the service roles LOGIN and a password, as the schema owner (who needs CREATEROLE
 * or superuser). The password is hashed (SCRAM-SHA-256) by the JDBC driver before it is
 * sent, so it appears in no statement, server log or {@code pg_stat_activity}.
 */
public final class ServiceRoleLogins {

    private static final String ROLE_CAN_LOGIN = """
            SELECT rolcanlogin FROM pg_roles WHERE rolname = ?
            """;

    private final DataSource dataSource;

    public ServiceRoleLogins(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Sets the role's password and allows it to log in.
     * @throws RoleMissing when the role does not exist (the migration that creates it has
     * not run)
     */
    public void enableLogin(ServiceRole role, String password) throws SQLException {
        if (password.isBlank()) {
            throw new IllegalArgumentException("empty password for " + role.roleName());
        }
        try (Connection connection = dataSource.getConnection()) {
            if (canLogin(connection, role) == null) {
                throw new RoleMissing(role);
            }
            connection.unwrap(PGConnection.class)
                .alterUserPassword(role.roleName(), password.toCharArray(), "scram-sha-256");
            try (Statement statement = connection.createStatement()) {
                // the name comes from the enum, never from input
                statement.execute("ALTER ROLE " + role.roleName() + " LOGIN");
            }
        }
    }

    /**
     * Whether each service role exists and may log in; a missing role is absent from the
     * map.
     */
    public Map<ServiceRole, Boolean> loginState() throws SQLException {
        Map<ServiceRole, Boolean> state = new EnumMap<>(ServiceRole.class);
        try (Connection connection = dataSource.getConnection()) {
            for (ServiceRole role : ServiceRole.values()) {
                Boolean login = canLogin(connection, role);
                if (login != null) {
                    state.put(role, login);
                }
            }
        }
        return state;
    }

    private static @Nullable Boolean canLogin(Connection connection, ServiceRole role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ROLE_CAN_LOGIN)) {
            statement.setString(1, role.roleName());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getBoolean(1) : null;
            }
        }
    }

    /**
     * The service role does not exist: the migrations have not been applied to this
     * cluster yet.
     */
    public static final class RoleMissing extends SQLException {

        RoleMissing(ServiceRole role) {
            super("role " + role.roleName() + " does not exist: run 'edm-migrations upgrade' first");
        }

    }

}
