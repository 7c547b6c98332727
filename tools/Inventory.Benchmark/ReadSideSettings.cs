using Inventory.Projections;

namespace Inventory.Benchmark;

/// <summary>Read-side settings (<see cref="ProjectionOptions"/>) that benchmarks give the silo they start.</summary>
internal static class ReadSideSettings
{
    /// <summary>The write path alone: no live stream, and the coordinators tick once an hour (they still catch up when
    /// asked to, as between phases).</summary>
    public static IReadOnlyDictionary<string, string?> Idle { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [$"{ProjectionOptions.Section}:{nameof(ProjectionOptions.LiveStream)}"] = "None",
        [$"{ProjectionOptions.Section}:{nameof(ProjectionOptions.CatchUpInterval)}"] = "01:00:00",
        [$"{ProjectionOptions.Section}:{nameof(ProjectionOptions.CheckpointInterval)}"] = "01:00:00",
    };

    /// <summary>The read side live, as in production, its catch-up reading the log's entries first (only the payloads
    /// its shards lack) or every event whole (<see cref="ProjectionOptions.CatchUpReadsEntriesFirst"/>).</summary>
    public static IReadOnlyDictionary<string, string?> CatchUp(bool readsEntriesFirst) => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [$"{ProjectionOptions.Section}:{nameof(ProjectionOptions.CatchUpReadsEntriesFirst)}"] = readsEntriesFirst ? "true" : "false",
    };
}
