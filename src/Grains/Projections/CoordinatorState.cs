using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>What a projection coordinator persists: the generation reads use and its checkpoint (everything before it
/// is written in that generation's shards), its partitions, a rebuild in progress and a generation being retired.</summary>
[GenerateSerializer, Alias("inventory.coordinator-state")]
public sealed class CoordinatorState
{
    [Id(0)] public int ActiveGeneration { get; set; } = 1;

    [Id(1)] public LogPosition Checkpoint { get; set; }

    [Id(2)] public HashSet<string> Partitions { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public int? RebuildGeneration { get; set; }

    [Id(4)] public LogPosition RebuildCheckpoint { get; set; }

    [Id(5)] public HashSet<string> RebuildPartitions { get; set; } = new(StringComparer.Ordinal);

    [Id(6)] public DateTimeOffset? RebuildStartedAt { get; set; }

    [Id(7)] public long RebuildApplied { get; set; }

    /// <summary>Since when the rebuilding generation also gets live events (null: not yet).</summary>
    [Id(8)] public DateTimeOffset? ShadowingSince { get; set; }

    [Id(9)] public int? RetiringGeneration { get; set; }

    [Id(10)] public HashSet<string> RetiringPartitions { get; set; } = new(StringComparer.Ordinal);

    [Id(11)] public DateTimeOffset? RetireAt { get; set; }

    [Id(12)] public DateTimeOffset? LastAppliedAt { get; set; }

    /// <summary>The events the rebuilding generation had read when it caught up, at <see cref="ShadowingSince"/>: its
    /// rate is frozen there (null: not caught up yet, or stored by a version that did not record it).</summary>
    [Id(13)] public long? RebuildAppliedWhenCaughtUp { get; set; }
}
