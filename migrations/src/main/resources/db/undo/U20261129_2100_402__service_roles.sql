-- Undoes V20261129_2100_402__service_roles.sql: revokes every privilege this database gave the service roles,
-- then drops each role unless it still holds privileges or objects elsewhere in the cluster (another database
-- that uses the same roles), in which case it stays.
REVOKE ALL ON documents, sections, outbox_events, upload_idempotency_keys, processed_events, api_keys
    FROM edm_ingest, edm_parser, edm_search;
REVOKE ALL (last_used_at) ON api_keys FROM edm_ingest, edm_parser, edm_search;

DO $$
DECLARE
    role_name TEXT;
BEGIN
    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM edm_ingest, edm_parser, edm_search', current_schema());
    FOREACH role_name IN ARRAY ARRAY['edm_ingest', 'edm_parser', 'edm_search'] LOOP
        BEGIN
            EXECUTE format('DROP ROLE IF EXISTS %I', role_name);
        EXCEPTION WHEN dependent_objects_still_exist THEN
            RAISE NOTICE 'role % is still used elsewhere in the cluster and stays', role_name;
        END;
    END LOOP;
END
$$;
