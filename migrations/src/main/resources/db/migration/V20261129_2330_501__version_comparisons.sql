-- Versions (issue 13): families are documents with the same title, compared case- and whitespace-insensitively;
-- the expression below is the family key (org.edm.versions.Families.key) and is indexed for family look-ups.
CREATE INDEX idx_documents_family ON documents (lower(btrim(regexp_replace(title, '\s+', ' ', 'g'))));

-- The section-level comparison of two versions of a family: one row per compared pair, with counts per kind.
-- Deleting either document deletes the comparison; re-parsing one recomputes it (the row is replaced).
CREATE TABLE document_comparisons (
    id               UUID      NOT NULL,
    from_document_id UUID      NOT NULL,
    to_document_id   UUID      NOT NULL,
    unchanged_count  INTEGER   NOT NULL,
    changed_count    INTEGER   NOT NULL,
    added_count      INTEGER   NOT NULL,
    removed_count    INTEGER   NOT NULL,
    moved_count      INTEGER   NOT NULL,
    renamed_count    INTEGER   NOT NULL,
    computed_at      TIMESTAMP NOT NULL DEFAULT now(),
    CONSTRAINT pk_document_comparisons PRIMARY KEY (id),
    CONSTRAINT uq_document_comparisons_pair UNIQUE (from_document_id, to_document_id),
    CONSTRAINT fk_document_comparisons_from FOREIGN KEY (from_document_id) REFERENCES documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_document_comparisons_to FOREIGN KEY (to_document_id) REFERENCES documents (id) ON DELETE CASCADE
);

CREATE INDEX idx_document_comparisons_to ON document_comparisons (to_document_id);

-- Every section that differs in a comparison (unchanged sections are only counted). Section ids are not foreign
-- keys: a re-parse replaces a document's sections and then recomputes its comparisons.
CREATE TABLE section_changes (
    comparison_id   UUID         NOT NULL,
    position        INTEGER      NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    section_key     TEXT         NOT NULL,
    from_section_id UUID,
    to_section_id   UUID,
    from_title      VARCHAR(500),
    to_title        VARCHAR(500),
    hunks           JSONB        NOT NULL DEFAULT '[]'::jsonb,
    CONSTRAINT pk_section_changes PRIMARY KEY (comparison_id, position),
    CONSTRAINT fk_section_changes_comparison FOREIGN KEY (comparison_id) REFERENCES document_comparisons (id)
        ON DELETE CASCADE,
    CONSTRAINT ck_section_changes_kind CHECK (kind IN ('changed', 'added', 'removed', 'moved', 'renamed'))
);

CREATE INDEX idx_section_changes_key ON section_changes (section_key);

-- Each section's key, stable across the versions of its family (permalinks).
CREATE TABLE section_keys (
    section_id  UUID NOT NULL,
    document_id UUID NOT NULL,
    section_key TEXT NOT NULL,
    CONSTRAINT pk_section_keys PRIMARY KEY (section_id),
    CONSTRAINT uq_section_keys_document_key UNIQUE (document_id, section_key),
    CONSTRAINT fk_section_keys_section FOREIGN KEY (section_id) REFERENCES sections (id) ON DELETE CASCADE,
    CONSTRAINT fk_section_keys_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE
);

CREATE INDEX idx_section_keys_key ON section_keys (section_key);
