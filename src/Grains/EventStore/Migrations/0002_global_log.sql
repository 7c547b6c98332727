-- The global log's reading order (IEventLog): readers page by (transaction_id, global_position). recorded_at is
-- included so that counting what a reader has still to read (ReadHeadAsync) can be an index-only scan.
CREATE INDEX events_log_order_idx ON events (transaction_id, global_position) INCLUDE (recorded_at);
