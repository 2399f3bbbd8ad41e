-- Undoes V20261125_1600_302__section_search_sample_index.sql.
DROP STATISTICS IF EXISTS sections_sample_bucket;
DROP INDEX IF EXISTS idx_sections_fts_sample;
