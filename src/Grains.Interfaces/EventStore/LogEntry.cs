namespace Inventory.Contracts.EventStore;

/// <summary>An event's place in the global log without its payload: its stream, its version there and where it is in
/// the log's reading order. What catch-up hands a projection's shard so that it reads only the events it lacks.</summary>
[GenerateSerializer, Immutable, Alias("log-entry")]
public sealed record LogEntry(
    [property: Id(0)] string StreamId,
    [property: Id(1)] int Version,
    [property: Id(2)] LogPosition Position);
