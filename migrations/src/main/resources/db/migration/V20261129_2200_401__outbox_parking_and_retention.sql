-- Outbox rows that Kafka refuses for reasons of their own (record too large, topic missing or not writable) are
-- parked after a bounded number of such failures, so they stop holding back the events of other documents;
-- only the later rows of the same aggregate wait behind a parked row. record_failures counts only failures that
-- were the row's own (a broker outage does not count towards parking).
ALTER TABLE outbox_events
    ADD COLUMN parked_at       TIMESTAMP,
    ADD COLUMN record_failures INTEGER NOT NULL DEFAULT 0;

-- The relay's "is an earlier row of this aggregate parked?" check, and the parked-rows count and retention.
CREATE INDEX idx_outbox_parked ON outbox_events (aggregate_id, sequence_no) WHERE parked_at IS NOT NULL;

-- Retention: deleting published rows older than the retention reads only those rows.
CREATE INDEX idx_outbox_published_at ON outbox_events (published_at) WHERE published_at IS NOT NULL;

-- Retention of the idempotent consumers' log.
CREATE INDEX idx_processed_events_processed_at ON processed_events (processed_at);
