-- Transactional outbox of ingest-service: the event row is written in the transaction that writes the document
-- row, and a relay publishes unsent rows to Kafka in sequence order.
CREATE TABLE outbox_events (
    id             UUID         NOT NULL,
    sequence_no    BIGINT       GENERATED ALWAYS AS IDENTITY,
    aggregate_type VARCHAR(50)  NOT NULL,
    aggregate_id   UUID         NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    topic          VARCHAR(255) NOT NULL,
    payload        JSONB        NOT NULL,
    created_at     TIMESTAMP    NOT NULL DEFAULT now(),
    published_at   TIMESTAMP,
    attempts       INTEGER      NOT NULL DEFAULT 0,
    last_error     TEXT,
    CONSTRAINT pk_outbox_events PRIMARY KEY (id),
    CONSTRAINT uq_outbox_events_sequence UNIQUE (sequence_no)
);

-- The relay's work queue: only unsent rows, in order.
CREATE INDEX idx_outbox_unpublished ON outbox_events (sequence_no) WHERE published_at IS NULL;

-- Client retries with an Idempotency-Key header return the document of the first request.
CREATE TABLE upload_idempotency_keys (
    idempotency_key VARCHAR(255) NOT NULL,
    document_id     UUID         NOT NULL,
    created_at      TIMESTAMP    NOT NULL DEFAULT now(),
    CONSTRAINT pk_upload_idempotency_keys PRIMARY KEY (idempotency_key),
    CONSTRAINT fk_upload_idempotency_keys_document FOREIGN KEY (document_id)
        REFERENCES documents (id) ON DELETE CASCADE
);

-- Identical bytes uploaded under the same title and version are one document, even under concurrent uploads.
CREATE UNIQUE INDEX idx_documents_identity ON documents (title, version, (metadata ->> 'sha256'));
