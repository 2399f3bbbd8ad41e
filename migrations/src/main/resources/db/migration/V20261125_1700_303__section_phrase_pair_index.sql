-- search-api: a GIN index over the adjacent word pairs of each section, for phrase search. GIN indexes of tsvector
-- store no word positions, so a phrase such as "field order message" is otherwise found by reading every section
-- that holds all its words (89,156 of 1M in the benchmark, 0.5 s) and checking positions; with this index only the
-- sections that hold the pairs "field order" and "order messag" are read.
--
-- edm_word_pairs turns a tsvector into one lexeme per pair of lexemes at consecutive positions ("field order"). It
-- is IMMUTABLE (built only from the tsvector), so the index is an expression index: no column is added, the
-- function runs when a row is written and when the index is built (about 0.1 ms a section: building the index on a
-- million existing sections takes two to three minutes). search-api's SearchRepository must call it as
-- edm_word_pairs(s.search_vector), or the planner does not use the index. The high COST keeps the planner from
-- evaluating it row by row as a filter. Pairs longer than 64 bytes are left out (PhrasePairs does the same): real
-- phrases never need them, and array_to_tsvector checks neither the 2,047-byte lexeme limit nor the 1 MB tsvector
-- limit, so pairs of the very long "words" of broken or hostile PDFs would make corrupt values; with at most 16,383
-- positions and 64 bytes a pair the result stays under 1 MB.
CREATE FUNCTION edm_word_pairs(v tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS
$$
    SELECT coalesce(array_to_tsvector(array_agg(DISTINCT x.pair)), ''::tsvector)
    FROM (SELECT t.lexeme || ' ' || lead(t.lexeme) OVER (ORDER BY t.pos) AS pair,
                 lead(t.pos) OVER (ORDER BY t.pos) - t.pos AS gap
          FROM (SELECT u.lexeme, p AS pos FROM unnest(v) AS u, unnest(u.positions) AS p) AS t) AS x
    WHERE x.gap = 1 AND octet_length(x.pair) <= 64
$$;

CREATE INDEX idx_sections_phrase_pairs ON sections USING GIN (edm_word_pairs(search_vector));
