-- API keys of the HTTP services. Only the SHA-256 hex digest of a key is stored (keys are 256-bit random, so a
-- fast hash is enough); key_prefix is the key's first characters, for display. Scopes are documents:read,
-- documents:write, documents:delete and admin. A revoked key stays listed, with the time it was revoked.
CREATE TABLE api_keys (
    id           UUID        NOT NULL,
    name         TEXT        NOT NULL,
    key_prefix   TEXT        NOT NULL,
    key_hash     TEXT        NOT NULL,
    scopes       TEXT[]      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    CONSTRAINT pk_api_keys PRIMARY KEY (id),
    CONSTRAINT uq_api_keys_name UNIQUE (name),
    CONSTRAINT uq_api_keys_key_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_keys_scopes CHECK (
        cardinality(scopes) > 0
        AND scopes <@ ARRAY['documents:read', 'documents:write', 'documents:delete', 'admin']::TEXT[])
);

-- An Idempotency-Key belongs to the caller that sent it (an API key id or a JWT subject): two callers' equal keys
-- neither collide nor reveal each other's document. Rows written before callers were known get the caller
-- 'anonymous', which no authenticated caller has.
ALTER TABLE upload_idempotency_keys ADD COLUMN caller TEXT NOT NULL DEFAULT 'anonymous';
ALTER TABLE upload_idempotency_keys ALTER COLUMN caller DROP DEFAULT;
ALTER TABLE upload_idempotency_keys DROP CONSTRAINT pk_upload_idempotency_keys;
ALTER TABLE upload_idempotency_keys ADD CONSTRAINT pk_upload_idempotency_keys PRIMARY KEY (caller, idempotency_key);
