-- Undoes V20261129_2200_401__outbox_parking_and_retention.sql.
DROP INDEX IF EXISTS idx_processed_events_processed_at;
DROP INDEX IF EXISTS idx_outbox_published_at;
DROP INDEX IF EXISTS idx_outbox_parked;
ALTER TABLE outbox_events
    DROP COLUMN IF EXISTS record_failures,
    DROP COLUMN IF EXISTS parked_at;
