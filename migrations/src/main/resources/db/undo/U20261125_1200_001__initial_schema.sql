-- Undoes V20261125_1200_001__initial_schema.sql.
DROP TABLE IF EXISTS sections;
DROP TABLE IF EXISTS documents;
DROP FUNCTION IF EXISTS set_updated_at();
