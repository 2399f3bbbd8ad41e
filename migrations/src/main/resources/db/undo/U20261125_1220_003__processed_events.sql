-- Undoes V20261125_1220_003__processed_events.sql.
DROP TABLE IF EXISTS processed_events;
