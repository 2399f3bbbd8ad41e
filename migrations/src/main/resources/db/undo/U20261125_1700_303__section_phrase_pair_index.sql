-- Undoes V20261125_1700_303__section_phrase_pair_index.sql.
DROP INDEX IF EXISTS idx_sections_phrase_pairs;
DROP FUNCTION IF EXISTS edm_word_pairs(tsvector);
