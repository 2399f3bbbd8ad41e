package org.edm.migrations;

import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL database a command works on. Every command first
 * {@link #checkConnection() checks} that it can log in, so that a bad URL, an unreachable
 * host or a wrong password ends in one readable line instead of a Flyway stack trace.
 */
record Database(String url, String user, String password) {

    private static final String APPLICATION_NAME = "edm-migrations";

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    /**
     * Logs in once and closes the connection; throws {@link CannotConnect} with a
     * one-line reason.
     */
    void checkConnection() {
        try {
            connect().close();
        }
        catch (SQLException e) {
            throw new CannotConnect(
                    "cannot close the connection to " + displayUrl() + ": " + firstLine(e.getMessage()));
        }
    }

    /** A new connection (auto-commit on), or {@link CannotConnect}. */
    Connection connect() {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new CannotConnect("not a PostgreSQL JDBC URL: '" + displayUrl()
                    + "' (expected jdbc:postgresql://HOST:PORT/DATABASE)");
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        try {
            Connection connection = new Driver().connect(url, properties);
            if (connection == null) {
                throw new CannotConnect("not a valid PostgreSQL JDBC URL: '" + displayUrl()
                        + "' (expected jdbc:postgresql://HOST:PORT/DATABASE)");
            }
            return connection;
        }
        catch (SQLException e) {
            throw new CannotConnect("cannot connect to " + displayUrl() + " as " + user + ": " + reason(e));
        }
    }

    /** A DataSource for Flyway with the same settings as {@link #connect()}. */
    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setApplicationName(APPLICATION_NAME);
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        return dataSource;
    }

    /**
     * Flyway for this database and these scripts, with the settings of
     * {@link Migrations#configure}.
     */
    FluentConfiguration flyway(ScriptLocations scripts) {
        return Migrations.configure(dataSource(), scripts);
    }

    /** The URL without a password that may have been written into its query string. */
    String displayUrl() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String reason(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "unknown host " + cause.getMessage();
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer within " + CONNECT_TIMEOUT_SECONDS + " s (is the host reachable?)";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
        }
        String message = firstLine(e.getMessage());
        return message.startsWith("FATAL: ") ? message.substring("FATAL: ".length()) : message;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
