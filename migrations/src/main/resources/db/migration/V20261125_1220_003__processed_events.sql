-- Idempotent consumers: a consumer records each event id it applied in the transaction that applied it, so a
-- re-delivered event is recognised and skipped.
CREATE TABLE processed_events (
    event_id     UUID         NOT NULL,
    consumer     VARCHAR(100) NOT NULL,
    document_id  UUID,
    processed_at TIMESTAMP    NOT NULL DEFAULT now(),
    CONSTRAINT pk_processed_events PRIMARY KEY (event_id, consumer)
);

CREATE INDEX idx_processed_events_document ON processed_events (document_id);
