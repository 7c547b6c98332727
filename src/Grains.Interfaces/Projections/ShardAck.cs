namespace Inventory.Contracts.Projections;

/// <summary>A projection shard's answer to a delivery: which activation took it (a different one later means the
/// unflushed part may be lost) and how many events were new to it.</summary>
[GenerateSerializer, Immutable, Alias("inventory.shard-ack")]
public sealed record ShardAck([property: Id(0)] Guid Activation, [property: Id(1)] int Applied);
