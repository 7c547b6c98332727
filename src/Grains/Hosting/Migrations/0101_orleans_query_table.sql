-- Orleans ADO.NET providers (clustering, grain persistence) do not carry their SQL: at start-up they read it
-- from this table, one row per query key, with `SELECT QueryKey, QueryText FROM OrleansQuery`.
-- 0102 and 0103 fill it. Identifiers are unquoted on purpose: PostgreSQL folds them to lower case, and both
-- Orleans' own SQL and Npgsql's column lookup (case-insensitive fallback) match them that way.
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
