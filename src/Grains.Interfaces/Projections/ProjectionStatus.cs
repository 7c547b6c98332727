using Inventory.Contracts.EventStore;

namespace Inventory.Contracts.Projections;

/// <summary>The figures of one projection: where it is in the global log against the store's head, its lag in events
/// and milliseconds (age of the oldest committed event it has not applied), when it last applied an event, its open
/// dead letters, its health, and a rebuild in progress if any.</summary>
[GenerateSerializer, Immutable, Alias("inventory.projection-status")]
public sealed record ProjectionStatus
{
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public required int Generation { get; init; }

    [Id(2)] public required ProjectionHealth Health { get; init; }

    [Id(3)] public required LogPosition Checkpoint { get; init; }

    [Id(4)] public required long HeadPosition { get; init; }

    [Id(5)] public required long LagEvents { get; init; }

    [Id(6)] public required double LagMilliseconds { get; init; }

    [Id(7)] public DateTimeOffset? LastAppliedAt { get; init; }

    [Id(8)] public long DeadLetters { get; init; }

    [Id(9)] public int Partitions { get; init; }

    [Id(10)] public RebuildProgress? Rebuild { get; init; }

    [Id(11)] public required DateTimeOffset MeasuredAt { get; init; }
}
