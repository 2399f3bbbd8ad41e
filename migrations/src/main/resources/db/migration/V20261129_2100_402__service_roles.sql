-- Least privilege: one NOLOGIN role per service, with only the privileges its SQL needs. The migration tool (the
-- schema owner) stays the only account that can change the schema; `edm-migrations roles set-password` later
-- gives each role LOGIN and a password read from the environment.
--
-- Roles are cluster-wide: another database of the same cluster may have created them already, so they are
-- created only when missing. Creating them needs CREATEROLE (or a superuser) for the migrating account.
--
-- Rule for later migrations: there are no default privileges; a migration that creates a table grants, in the
-- same script, what each service needs on it (and its undo revokes it). MigrationScriptsTest's companion
-- ServiceRolesIntegrationTest fails for a table that no service role may read.
DO $$
DECLARE
    role_name TEXT;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['edm_ingest', 'edm_parser', 'edm_search'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
        END IF;
    END LOOP;
END
$$;

-- The tables live in the current schema (public unless the tool is told otherwise).
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO edm_ingest, edm_parser, edm_search', current_schema());
END
$$;

-- search-api: reads documents and sections, and marks the API key it authenticated as used.
GRANT SELECT ON documents, sections TO edm_search;
GRANT SELECT ON api_keys TO edm_search;
GRANT UPDATE (last_used_at) ON api_keys TO edm_search;

-- ingest-service: creates, lists, reprocesses and deletes documents (their sections go by the foreign key's
-- cascade, and explicitly), writes its outbox, keeps Idempotency-Keys, authenticates API keys.
GRANT SELECT, INSERT, UPDATE, DELETE ON documents TO edm_ingest;
GRANT SELECT, DELETE ON sections TO edm_ingest;
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_events TO edm_ingest;
GRANT SELECT, INSERT, UPDATE, DELETE ON upload_idempotency_keys TO edm_ingest;
GRANT SELECT ON api_keys TO edm_ingest;
GRANT UPDATE (last_used_at) ON api_keys TO edm_ingest;

-- parser-worker: claims and finishes documents, replaces their sections, records processed events, writes
-- documents.processed to its outbox
GRANT SELECT, UPDATE ON documents TO edm_parser;
GRANT SELECT, INSERT, UPDATE, DELETE ON sections TO edm_parser;
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_events TO edm_parser;
GRANT SELECT, INSERT ON processed_events TO edm_parser;
-- and authenticates the API keys sent to its Actuator endpoints
GRANT SELECT ON api_keys TO edm_parser;
GRANT UPDATE (last_used_at) ON api_keys TO edm_parser;
