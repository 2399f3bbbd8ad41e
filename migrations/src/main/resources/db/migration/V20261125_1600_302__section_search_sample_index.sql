-- search-api: a GIN index over search_vector of a fixed 1/64 sample of the sections (the last byte of the random
-- UUID below 4). For a word found in a large share of sections, a bitmap scan of idx_sections_fts lists every one
-- of its postings (a quarter of a million at 1M sections) before the first row is read, yet only a few hundred
-- candidates are ranked. This index lists 1/64 of them, spread evenly over all documents, so those candidates
-- come from a GIN index scan too. search-api's SearchRepository must repeat the predicate verbatim, or the planner
-- does not use the index. Costs about 1/64 of idx_sections_fts in size and write work.
CREATE INDEX idx_sections_fts_sample ON sections
    USING GIN (search_vector)
    WHERE get_byte(uuid_send(id), 15) < 4;

-- Without statistics on the predicate's expression the planner assumes it passes a third of the rows, not 1/64,
-- and reads common words' candidates with a sequential scan instead of the index (PostgreSQL 14 or later).
CREATE STATISTICS sections_sample_bucket ON (get_byte(uuid_send(id), 15)) FROM sections;

-- Fill those statistics now rather than at the next autoanalyze, which a large, stable table may not see for long.
ANALYZE sections;
