-- Undoes V20261129_2330_501__version_comparisons.sql.
DROP TABLE IF EXISTS section_keys;
DROP TABLE IF EXISTS section_changes;
DROP TABLE IF EXISTS document_comparisons;
DROP INDEX IF EXISTS idx_documents_family;
