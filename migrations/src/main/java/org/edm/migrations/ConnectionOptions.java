package org.edm.migrations;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;

/**
 * The connection options every database command takes. Flags win over {@code EDM_DB_URL},
 * {@code EDM_DB_USER}, {@code EDM_DB_PASSWORD}, which win over libpq's {@code PGHOST},
 * {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}; without any of
 * them the tool uses the services' local defaults.
 */
final class ConnectionOptions {

    /**
     * Same defaults as the services' application.yml, so a local stack needs no settings
     * at all.
     */
    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5433/edm";
    static final String DEFAULT_USER = "postgres";
    static final String DEFAULT_PASSWORD = "postgres";

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "JDBC URL, e.g. jdbc:postgresql://localhost:5432/edm (env EDM_DB_URL; else built from "
                    + "PGHOST, PGPORT, PGDATABASE; default " + DEFAULT_URL + ")")
    @Nullable String url;

    @Option(names = "--user", paramLabel = "USER",
            description = "Database user (env EDM_DB_USER, PGUSER; default " + DEFAULT_USER + ")")
    @Nullable String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Database password (env EDM_DB_PASSWORD, PGPASSWORD; prefer the environment)")
    @Nullable String password;

    Database database(Map<String, String> environment) {
        String resolvedUser = firstPresent(user, environment.get("EDM_DB_USER"), environment.get("PGUSER"));
        String resolvedPassword = firstPresent(password, environment.get("EDM_DB_PASSWORD"),
                environment.get("PGPASSWORD"));
        return new Database(resolveUrl(environment), resolvedUser == null ? DEFAULT_USER : resolvedUser,
                resolvedPassword == null ? DEFAULT_PASSWORD : resolvedPassword);
    }

    private String resolveUrl(Map<String, String> environment) {
        String explicit = firstPresent(url, environment.get("EDM_DB_URL"));
        if (explicit != null) {
            return explicit;
        }
        String host = blankToNull(environment.get("PGHOST"));
        String port = blankToNull(environment.get("PGPORT"));
        String database = blankToNull(environment.get("PGDATABASE"));
        if (host == null && port == null && database == null) {
            return DEFAULT_URL;
        }
        return "jdbc:postgresql://" + (host == null ? "localhost" : host) + ":" + (port == null ? "5432" : port) + "/"
                + (database == null ? "edm" : database);
    }

    private static @Nullable String firstPresent(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (blankToNull(candidate) != null) {
                return candidate;
            }
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
