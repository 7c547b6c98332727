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
    /// One is best up to a few hundred concurrent appenders: appends pile up while a batch is in flight, so batches
    /// are large. A second writer takes the queue away early (smaller batches, more commits) and helps only beyond
    /// that.</summary>
    public int Writers { get; set; } = 1;

    /// <summary>True when the values can run a store.</summary>
    public bool IsValid => MaxBatchSize is >= 1 and <= 10_000 && Writers is >= 1 and <= 64;
}
