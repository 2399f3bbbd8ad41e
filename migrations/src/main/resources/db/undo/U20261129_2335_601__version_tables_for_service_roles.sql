-- Undoes V20261129_2335_601__version_tables_for_service_roles.sql.
REVOKE ALL ON document_comparisons, section_changes, section_keys FROM edm_ingest, edm_parser, edm_search;
