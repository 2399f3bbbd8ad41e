-- Undoes V20261125_1210_002__outbox_and_upload_keys.sql.
DROP INDEX IF EXISTS idx_documents_identity;
DROP TABLE IF EXISTS upload_idempotency_keys;
DROP TABLE IF EXISTS outbox_events;
