using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>What a projection shard persists: its view, and per stream how far it has applied it (the dedupe).</summary>
[GenerateSerializer, Alias("inventory.shard-state")]
public sealed class ShardState<TView>
    where TView : IProjectionView, new()
{
    [Id(0)] public Dictionary<string, StreamCursor> Streams { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public TView View { get; set; } = new();

    /// <summary>Events applied (re-driven ones included).</summary>
    [Id(2)] public long Applied { get; set; }

    /// <summary>Events parked as dead letters.</summary>
    [Id(3)] public long Parked { get; set; }

    [Id(4)] public DateTimeOffset? LastAppliedAt { get; set; }
}
