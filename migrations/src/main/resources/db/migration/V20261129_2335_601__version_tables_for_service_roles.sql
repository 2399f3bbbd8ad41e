-- The service roles' privileges on the version tables of V20261129_2330_501 (written alongside the roles of
-- V20261129_2100_402 on another branch, so it granted none): without them parser-worker's versions consumer and
-- search-api's version endpoints fail with "permission denied" when the services log in as their own roles.
--
-- search-api: reads comparisons, section changes and section keys (families, compare, permalinks, search).
GRANT SELECT ON document_comparisons, section_changes, section_keys TO edm_search;
-- parser-worker: computes section keys and comparisons after each parse and replaces them on a re-parse.
GRANT SELECT, INSERT, UPDATE, DELETE ON document_comparisons, section_changes, section_keys TO edm_parser;
-- ingest-service: deleting a document removes these rows by the foreign keys' cascade, as for sections.
GRANT SELECT, DELETE ON document_comparisons, section_changes, section_keys TO edm_ingest;
