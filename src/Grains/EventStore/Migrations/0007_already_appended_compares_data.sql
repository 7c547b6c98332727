-- 'already_appended' now means what it says: these very events, the same movement at the same version with the same
-- type and data, were stored before (an earlier attempt whose acknowledgement was lost). Until now the resolving
-- function compared event ids only, and since event ids are derived from stream and movement (migration 0006) that
-- meant "the same movement at the same version": a request carrying a movement already stored at that very version
-- with other data (another decision about it, from a second activation of the item while a silo was lost, say) was
-- answered as stored although what it carried was not. It is now answered 'duplicate_movement', as at any other
-- version, and its caller reads the stored event back. Data are compared as jsonb, so key order and whitespace do
-- not matter. The rest of the function is that of migration 0001 (which 0004 renamed), unchanged.

CREATE OR REPLACE FUNCTION append_events_resolving(
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
    v_blocked  integer[];
    v_stream   text[];
    v_version  integer[];
    v_position bigint[];
    v_withdraw bigint[];
BEGIN
    IF (SELECT count(DISTINCT r.request) <> count(DISTINCT r.stream_id)
               OR count(DISTINCT r.request) <> count(DISTINCT (r.request, r.stream_id))
        FROM unnest(p_request, p_stream_id) AS r(request, stream_id)) THEN
        RAISE EXCEPTION 'append_events: each request must cover exactly one stream, each stream at most one request'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- A stream that does not have its expected version yet cannot take the request (no gaps).
    SELECT coalesce(array_agg(q.request), '{}') INTO v_blocked
    FROM (SELECT r.request, min(r.stream_id) AS stream_id, min(r.version) - 1 AS expected
          FROM unnest(p_request, p_stream_id, p_version) AS r(request, stream_id, version)
          GROUP BY r.request) AS q
    WHERE q.expected > 0
      AND NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = q.stream_id AND e.version = q.expected);

    -- Rows go in (stream, version) order so that concurrent batches wait on each other in one order (no deadlock).
    WITH inserted AS (
        INSERT INTO events (stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at)
        SELECT r.stream_id, r.version, r.event_id, r.movement_id, r.type, r.schema_version, r.data, r.metadata, r.recorded_at
        FROM unnest(p_request, p_stream_id, p_version, p_event_id, p_movement_id, p_type, p_schema_version, p_data, p_metadata, p_recorded_at)
             AS r(request, stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at)
        WHERE r.request <> ALL (v_blocked)
        ORDER BY r.stream_id COLLATE "C", r.version
        ON CONFLICT DO NOTHING
        RETURNING stream_id, version, global_position)
    SELECT coalesce(array_agg(i.stream_id), '{}'), coalesce(array_agg(i.version), '{}'), coalesce(array_agg(i.global_position), '{}')
    INTO v_stream, v_version, v_position
    FROM inserted AS i;

    IF cardinality(v_position) = cardinality(p_request) THEN
        RETURN QUERY
        SELECT r.request, 'appended'::text, array_agg(i.global_position ORDER BY r.version), NULL::uuid
        FROM unnest(p_request, p_stream_id, p_version) AS r(request, stream_id, version)
        JOIN unnest(v_stream, v_version, v_position) AS i(stream_id, version, global_position)
          ON i.stream_id = r.stream_id AND i.version = r.version
        GROUP BY r.request;
        RETURN;
    END IF;

    -- Withdraw the rows of every request that did not go in whole: all-or-nothing per request.
    SELECT coalesce(array_agg(x.global_position), '{}') INTO v_withdraw
    FROM (SELECT i.global_position,
                 count(*) OVER (PARTITION BY r.request) AS wanted,
                 count(i.global_position) OVER (PARTITION BY r.request) AS got
          FROM unnest(p_request, p_stream_id, p_version) AS r(request, stream_id, version)
          LEFT JOIN unnest(v_stream, v_version, v_position) AS i(stream_id, version, global_position)
            ON i.stream_id = r.stream_id AND i.version = r.version) AS x
    WHERE x.global_position IS NOT NULL AND x.got < x.wanted;

    IF cardinality(v_withdraw) > 0 THEN
        DELETE FROM events e WHERE e.global_position = ANY (v_withdraw);
    END IF;

    RETURN QUERY
    WITH batch_rows AS (
        SELECT r.request, r.stream_id, r.version, r.event_id, r.movement_id, r.type, r.data, r.ordinal, i.global_position
        FROM unnest(p_request, p_stream_id, p_version, p_event_id, p_movement_id, p_type, p_data) WITH ORDINALITY
             AS r(request, stream_id, version, event_id, movement_id, type, data, ordinal)
        LEFT JOIN unnest(v_stream, v_version, v_position) AS i(stream_id, version, global_position)
          ON i.stream_id = r.stream_id AND i.version = r.version),
    requests AS (
        SELECT w.request, count(*) AS wanted, count(w.global_position) AS got, array_agg(w.global_position ORDER BY w.version) AS positions
        FROM batch_rows AS w
        GROUP BY w.request),
    classified AS (
        SELECT q.request, q.wanted, q.got, q.positions,
               (SELECT array_agg(e.global_position ORDER BY e.version)
                FROM batch_rows AS w JOIN events AS e
                  ON e.stream_id = w.stream_id AND e.version = w.version AND e.event_id = w.event_id
                 AND e.type = w.type AND e.data = w.data
                WHERE q.got < q.wanted AND w.request = q.request
                HAVING count(*) = q.wanted) AS already,
               (SELECT w.movement_id
                FROM batch_rows AS w
                WHERE q.got < q.wanted AND w.request = q.request
                  AND EXISTS (SELECT 1 FROM events AS e WHERE e.stream_id = w.stream_id AND e.movement_id = w.movement_id)
                ORDER BY w.ordinal
                LIMIT 1) AS duplicate
        FROM requests AS q)
    SELECT c.request,
           CASE WHEN c.got = c.wanted THEN 'appended'
                WHEN c.already IS NOT NULL THEN 'already_appended'
                WHEN c.duplicate IS NOT NULL THEN 'duplicate_movement'
                ELSE 'version_conflict' END,
           CASE WHEN c.got = c.wanted THEN c.positions
                WHEN c.already IS NOT NULL THEN c.already
                ELSE '{}'::bigint[] END,
           CASE WHEN c.got < c.wanted AND c.already IS NULL THEN c.duplicate END
    FROM classified AS c;
END
$$;
