namespace Inventory.Contracts.Projections;

/// <summary>The events one append confirmed for one stock item, in version order: the item type of the live stream.</summary>
[GenerateSerializer, Immutable, Alias("inventory.event-batch")]
public sealed record EventBatch([property: Id(0)] IReadOnlyList<EventEnvelope> Events);
