-- Undoes V20261129_2000_401__api_keys.sql. Where several callers used the same Idempotency-Key, only the newest
-- record survives: the older schema has one record per key.
DELETE FROM upload_idempotency_keys older
 USING upload_idempotency_keys newer
 WHERE older.idempotency_key = newer.idempotency_key
   AND (older.created_at, older.caller) < (newer.created_at, newer.caller);
ALTER TABLE upload_idempotency_keys DROP CONSTRAINT pk_upload_idempotency_keys;
ALTER TABLE upload_idempotency_keys DROP COLUMN caller;
ALTER TABLE upload_idempotency_keys ADD CONSTRAINT pk_upload_idempotency_keys PRIMARY KEY (idempotency_key);
DROP TABLE IF EXISTS api_keys;
