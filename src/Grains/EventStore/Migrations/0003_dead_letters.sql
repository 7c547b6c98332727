-- Events that a projection could not apply after its retries (IDeadLetterStore). One row per (projection, event):
-- parking the same event again adds the attempts and reopens the row.
CREATE TABLE dead_letters (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    projection   text        NOT NULL,
    partition    text        NOT NULL,
    event_id     uuid        NOT NULL,
    stream_id    text        NOT NULL,
    version      integer     NOT NULL,
    position     bigint      NOT NULL,
    event_type   text        NOT NULL,
    error        text        NOT NULL,
    attempts     integer     NOT NULL CHECK (attempts > 0),
    parked_at    timestamptz NOT NULL,
    redriven_at  timestamptz NULL,
    CONSTRAINT dead_letters_projection_event_key UNIQUE (projection, event_id)
);

-- Open letters of a projection, in id order (listing and counting what still needs attention).
CREATE INDEX dead_letters_open_idx ON dead_letters (projection, id) WHERE redriven_at IS NULL;
