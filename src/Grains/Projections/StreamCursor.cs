using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>How far a shard has applied one stream: its last version and that event's global position.</summary>
[GenerateSerializer, Immutable, Alias("inventory.stream-cursor")]
public readonly record struct StreamCursor([property: Id(0)] int Version, [property: Id(1)] long Position);
