using Inventory.Contracts.EventStore;

namespace Inventory.Contracts.Projections;

/// <summary>A rebuild in progress: the generation being built, where it is, the events it has applied, and its own rate
/// (events it read per second of the time it took, frozen once it caught up: not the write rate it gets while
/// shadowing).</summary>
[GenerateSerializer, Immutable, Alias("inventory.rebuild-progress")]
public sealed record RebuildProgress(
    [property: Id(0)] int Generation,
    [property: Id(1)] LogPosition Checkpoint,
    [property: Id(2)] long Applied,
    [property: Id(3)] double EventsPerSecond,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] bool Shadowing);
