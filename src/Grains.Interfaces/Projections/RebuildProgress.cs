using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>A rebuild in progress: the generation being built, where it is, and how fast it goes.</summary>
[GenerateSerializer, Immutable, Alias("inventory.rebuild-progress")]
public sealed record RebuildProgress(
    [property: Id(0)] int Generation,
    [property: Id(1)] LogPosition Checkpoint,
    [property: Id(2)] long Applied,
    [property: Id(3)] double EventsPerSecond,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] bool Shadowing);
