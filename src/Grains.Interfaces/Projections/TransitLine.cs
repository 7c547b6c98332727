namespace Inventory.Contracts.Projections;

/// <summary>Units of one SKU on one transfer that left <see cref="FromWarehouseId"/> and have not yet arrived at
/// <see cref="ToWarehouseId"/> nor gone back: dispatched - received - returned, as the items' events tell it.
/// <see cref="DispatchedAt"/> is when the line left; <see cref="Overdue"/> is set by the views facade when that is longer
/// ago than the configured limit.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transit-line")]
public sealed record TransitLine
{
    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required string Sku { get; init; }

    [Id(2)] public required string FromWarehouseId { get; init; }

    [Id(3)] public required string ToWarehouseId { get; init; }

    [Id(4)] public required long InTransit { get; init; }

    [Id(5)] public required DateTimeOffset DispatchedAt { get; init; }

    [Id(6)] public bool Overdue { get; init; }
}
