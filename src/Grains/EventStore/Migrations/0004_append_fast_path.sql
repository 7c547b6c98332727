-- append_events() gets a fast path for the common case: every request at its stream's head, with new movement and
-- event ids. Its rows go in with a plain INSERT, in a subtransaction. Only when that INSERT meets a unique
-- violation (a retried movement, a stale expected version, an event id already taken) does the function undo it and
-- hand the batch to the conflict-resolving function of migration 0001, renamed here to append_events_resolving.
-- That function's ON CONFLICT DO NOTHING gives every request its own answer, at a cost every append paid before:
-- a speculative insertion probes all of the table's unique indexes for each row before inserting it (a tenth of the
-- server's time at 3,000 movements/s, measured with perf on 2026-11-28) and logs one more WAL record per row.
-- The answers are the same on both paths; the fast path only answers 'appended'.

ALTER FUNCTION append_events(integer[], text[], integer[], uuid[], uuid[], text[], integer[], jsonb[], jsonb[], timestamptz[])
    RENAME TO append_events_resolving;

CREATE FUNCTION append_events(
    p_request        integer[],
    p_stream_id      text[],
    p_version        integer[],
    p_event_id       uuid[],
    p_movement_id    uuid[],
    p_type           text[],
    p_schema_version integer[],
    p_data           jsonb[],
    p_metadata       jsonb[],
    p_recorded_at    timestamptz[])
RETURNS TABLE (request integer, status text, positions bigint[], duplicate_movement_id uuid)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_stream   text[];
    v_version  integer[];
    v_position bigint[];
BEGIN
    IF (SELECT count(DISTINCT r.request) <> count(DISTINCT r.stream_id)
               OR count(DISTINCT r.request) <> count(DISTINCT (r.request, r.stream_id))
        FROM unnest(p_request, p_stream_id) AS r(request, stream_id)) THEN
        RAISE EXCEPTION 'append_events: each request must cover exactly one stream, each stream at most one request'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- Every stream must have its expected version already (no gaps); otherwise the resolving path answers.
    IF NOT EXISTS (
        SELECT 1
        FROM (SELECT min(r.stream_id) AS stream_id, min(r.version) - 1 AS expected
              FROM unnest(p_request, p_stream_id, p_version) AS r(request, stream_id, version)
              GROUP BY r.request) AS q
        WHERE q.expected > 0
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = q.stream_id AND e.version = q.expected)) THEN
        BEGIN
            -- Rows go in (stream, version) order so that concurrent batches wait on each other in one order.
            WITH inserted AS (
                INSERT INTO events (stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at)
                SELECT r.stream_id, r.version, r.event_id, r.movement_id, r.type, r.schema_version, r.data, r.metadata, r.recorded_at
                FROM unnest(p_stream_id, p_version, p_event_id, p_movement_id, p_type, p_schema_version, p_data, p_metadata, p_recorded_at)
                     AS r(stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at)
                ORDER BY r.stream_id COLLATE "C", r.version
                RETURNING stream_id, version, global_position)
            SELECT array_agg(i.stream_id), array_agg(i.version), array_agg(i.global_position)
            INTO v_stream, v_version, v_position
            FROM inserted AS i;
        EXCEPTION WHEN unique_violation THEN
            -- Some request cannot go in as it is: nothing of the batch stays, and the resolving path decides.
            v_position := NULL;
        END;

        IF v_position IS NOT NULL THEN
            RETURN QUERY
            SELECT r.request, 'appended'::text, array_agg(i.global_position ORDER BY r.version), NULL::uuid
            FROM unnest(p_request, p_stream_id, p_version) AS r(request, stream_id, version)
            JOIN unnest(v_stream, v_version, v_position) AS i(stream_id, version, global_position)
              ON i.stream_id = r.stream_id AND i.version = r.version
            GROUP BY r.request;
            RETURN;
        END IF;
    END IF;

    RETURN QUERY
    SELECT * FROM append_events_resolving(
        p_request, p_stream_id, p_version, p_event_id, p_movement_id, p_type, p_schema_version, p_data, p_metadata, p_recorded_at);
END
$$;
