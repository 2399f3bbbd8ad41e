-- search-api: a GIN index over section titles alone. Ranking puts sections whose title matches above the rest;
-- with this index those are found directly, without reading the far larger set of sections whose text matches.
-- An expression index rather than a column: search_vector stays the only stored text-search column, and the
-- expression is exactly the title part of search_vector (same configuration, same COALESCE). search-api's
-- SearchRepository must use this expression verbatim, or the planner does not use the index.
CREATE INDEX idx_sections_title_fts ON sections
    USING GIN (to_tsvector('english'::regconfig, COALESCE(title, ''::character varying)::text));
