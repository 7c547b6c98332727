-- Operator actions (IOperatorAuditStore): who did what to which target, when, and how it ended. Append-only: rows are
-- never updated or deleted by the application.
CREATE TABLE operator_audit (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    action    text        NOT NULL,
    target    text        NULL,
    outcome   text        NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
    status    integer     NOT NULL,
    problem   text        NULL,
    trace_id  text        NULL
);
