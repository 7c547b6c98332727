-- One index fewer on every append: event_id loses its unique index. Event ids are not arbitrary: each is the UUID v5
-- of its stream and movement (DeterministicGuid.ForEvent), and both stores refuse an append whose event ids are not
-- (IEventStore.AppendAsync). A movement is stored at most once per stream (events_stream_movement_key), so no two rows
-- have the same stream and movement, and so (short of a SHA-1 collision) no two have the same event id: the index
-- only re-checked what that one guarantees. It was the other index with random keys besides that one: every append
-- wrote into a leaf anywhere in it, and after each checkpoint the first such write copied the whole page into the WAL
-- (a fifth of those pages in a run at 3,000 movements/s, 28 Nov). Nothing reads events by event_id alone.
-- The comments of migrations 0001 and 0004 that count "an event id already taken" among the conflicts no longer
-- apply: a request now conflicts on its stream's version or a movement already in the stream.
-- Dropping an index is quick and needs no rebuild, but it waits for (and then blocks) every transaction on events.

ALTER TABLE events DROP CONSTRAINT events_event_id_key;
