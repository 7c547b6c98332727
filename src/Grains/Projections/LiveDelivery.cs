namespace Inventory.Projections;

/// <summary>What the live path delivered to one shard: the events at <paramref name="Positions"/>, applied by the
/// shard's <paramref name="Activation"/> (its <see cref="Contracts.Projections.ShardAck"/>).</summary>
[GenerateSerializer, Immutable, Alias("inventory.live-delivery")]
public sealed record LiveDelivery(
    [property: Id(0)] int Generation,
    [property: Id(1)] string Partition,
    [property: Id(2)] Guid Activation,
    [property: Id(3)] long[] Positions);
