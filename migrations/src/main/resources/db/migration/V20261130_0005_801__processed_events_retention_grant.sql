-- parser-worker deletes its idempotent-consumer entries past edm.parser.processed-events.retention
-- (ProcessedEventsRetention, from V20261129_2200_401), but V20261129_2100_402 granted edm_parser only SELECT and
-- INSERT on processed_events: logged in as its own role, every cleanup failed with "permission denied" (logged as a
-- warning) and the table grew without bound.
GRANT DELETE ON processed_events TO edm_parser;
