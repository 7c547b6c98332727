using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Postgres;

/// <summary>Tuning of the PostgreSQL event store's append path; section <c>Inventory:EventStore:Postgres</c>.</summary>
public sealed class PostgresEventStoreOptions
{
    public const string Section = "Inventory:EventStore:Postgres";

    /// <summary>Most append requests (each for a different stream) that go to the database in one round trip
    /// and one transaction. Coalescing is where the throughput comes from: one commit per append gives a few
    /// thousand appends a second, a hundred per commit tens of thousands.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>How many batches may be in flight at once (each writer has a thread and a connection of its own).
    /// Two by default: while one writer's transaction waits for its commit, or for a slow disk, the other takes what
    /// queued up meanwhile, so an append seldom waits behind more than one transaction (<c>docs/benchmarks.md</c>). One
    /// writer makes larger batches and fewer commits, which suits a small database server with few appenders.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>Rows one statement of a scan of the global log reads at most (<see cref="PostgresEventStore.ScanAsync"/>,
    /// a rebuild's read): long enough that the server keeps sending while the pages are read, short enough that no
    /// snapshot is held for long (100,000 rows take well under a second).</summary>
    public int LogScanStatementRows { get; set; } = 100_000;

    /// <summary>True when the values can run a store.</summary>
    public bool IsValid => MaxBatchSize is >= 1 and <= 10_000 && Writers is >= 1 and <= 64 && LogScanStatementRows is >= 1 and <= 10_000_000;
}
