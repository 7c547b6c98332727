-- Stream ids compare byte by byte (collation "C"), whatever the database's locale. As-of reads of the ledger
-- (PostgresStockLedger) select a warehouse's stock item streams '{warehouseId}/{sku}' with a range of the
-- (stream_id, version) index: stream_id > 'W/' AND stream_id < 'W0' ('0' follows '/' in ASCII). That range is right only
-- in byte order: under a linguistic collation (en_US.UTF-8, say) punctuation is ignored at first, so 'W1/x', 'W10' and
-- 'W1_x' interleave and the range would miss or take in other warehouses' streams. A LIKE 'W/%' is no answer either:
-- '_' is a wildcard and legal in ids. Ids are ASCII ([A-Za-z0-9._-] plus the separators '/' and ':'), so byte order is
-- also the ordinal order the API pages in. Equality is unchanged (every deterministic collation compares equal strings
-- as equal), and append_events already sorted by stream_id COLLATE "C".
-- No new index (appends pay for every index, see 0005 and 0006): the table is not rewritten, but the indexes on
-- stream_id are rebuilt in this migration's transaction, under a lock that holds appends back meanwhile, so upgrade a
-- large database in a quiet hour.

ALTER TABLE events ALTER COLUMN stream_id TYPE text COLLATE "C";
