package org.edm.migrations.roles;

/**
 * The database roles of the services, created NOLOGIN by migration
 * {@code V20261129_2100_402__service_roles} with only the privileges each service's SQL
 * needs. Each gets LOGIN and a password from the environment variable named here
 * ({@code edm-migrations roles --login}, or the local stack).
 */
public enum ServiceRole {

    /** ingest-service: documents, their outbox, Idempotency-Keys, deletes sections. */
    INGEST("edm_ingest", "EDM_INGEST_DB_PASSWORD"),

    /** parser-worker: document status, sections, processed events, its outbox. */
    PARSER("edm_parser", "EDM_PARSER_DB_PASSWORD"),

    /**
     * search-api: reads documents and sections, nothing else writable but an API key's
     * last use.
     */
    SEARCH("edm_search", "EDM_SEARCH_DB_PASSWORD");

    private final String roleName;

    private final String passwordVariable;

    ServiceRole(String roleName, String passwordVariable) {
        this.roleName = roleName;
        this.passwordVariable = passwordVariable;
    }

    /** The PostgreSQL role name, e.g. {@code edm_search}. */
    public String roleName() {
        return roleName;
    }

    /**
     * The environment variable that holds the role's password, e.g.
     * {@code EDM_SEARCH_DB_PASSWORD}.
     */
    public String passwordVariable() {
        return passwordVariable;
    }

}
