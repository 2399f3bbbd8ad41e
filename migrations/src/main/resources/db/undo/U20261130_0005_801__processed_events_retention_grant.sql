-- Undoes V20261130_0005_801__processed_events_retention_grant.sql.
REVOKE DELETE ON processed_events FROM edm_parser;
