-- Undoes V20261125_1500_301__section_title_search_index.sql.
DROP INDEX IF EXISTS idx_sections_title_fts;
