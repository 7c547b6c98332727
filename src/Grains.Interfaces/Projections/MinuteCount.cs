namespace Inventory.Contracts.Projections;

/// <summary>Movements recorded in the minute starting at <see cref="Minute"/>.</summary>
[GenerateSerializer, Immutable, Alias("inventory.minute-count")]
public sealed record MinuteCount([property: Id(0)] DateTimeOffset Minute, [property: Id(1)] long Movements);
