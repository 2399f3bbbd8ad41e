-- The documents and their sections, as described in shared/SCHEMA.md.

CREATE TABLE documents (
    id                UUID         NOT NULL DEFAULT gen_random_uuid(),
    title             VARCHAR(255) NOT NULL,
    version           VARCHAR(50)  NOT NULL,
    upload_date       TIMESTAMP    NOT NULL DEFAULT now(),
    file_path         VARCHAR(500),
    page_count        INTEGER,
    processing_status VARCHAR(50)  NOT NULL DEFAULT 'pending',
    metadata          JSONB,
    created_at        TIMESTAMP    NOT NULL DEFAULT now(),
    updated_at        TIMESTAMP    NOT NULL DEFAULT now(),
    CONSTRAINT pk_documents PRIMARY KEY (id),
    CONSTRAINT ck_documents_status CHECK (processing_status IN ('pending', 'processing', 'done', 'failed')),
    CONSTRAINT ck_documents_page_count CHECK (page_count IS NULL OR page_count >= 0)
);

CREATE TABLE sections (
    id            UUID         NOT NULL DEFAULT gen_random_uuid(),
    document_id   UUID         NOT NULL,
    level         INTEGER      NOT NULL,
    title         VARCHAR(500),
    content       TEXT,
    page_number   INTEGER,
    parent_id     UUID,
    order_index   INTEGER      NOT NULL,
    -- The title weighs more than the body (A above B), so ranking puts heading matches first.
    search_vector TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(content, '')), 'B')
    ) STORED,
    created_at    TIMESTAMP    NOT NULL DEFAULT now(),
    updated_at    TIMESTAMP    NOT NULL DEFAULT now(),
    CONSTRAINT pk_sections PRIMARY KEY (id),
    CONSTRAINT fk_sections_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_sections_parent FOREIGN KEY (parent_id) REFERENCES sections (id) ON DELETE CASCADE,
    CONSTRAINT ck_sections_level CHECK (level >= 1),
    CONSTRAINT ck_sections_order_index CHECK (order_index >= 0),
    CONSTRAINT ck_sections_page_number CHECK (page_number IS NULL OR page_number >= 1)
);

CREATE INDEX idx_sections_document ON sections (document_id);
CREATE INDEX idx_sections_parent ON sections (parent_id);
-- Unique: one section per position, so a document can never hold two sets of sections.
CREATE UNIQUE INDEX idx_sections_order ON sections (document_id, order_index);
CREATE INDEX idx_sections_fts ON sections USING GIN (search_vector);
CREATE INDEX idx_documents_status ON documents (processing_status);

CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER trg_documents_updated_at
    BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TRIGGER trg_sections_updated_at
    BEFORE UPDATE ON sections
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
