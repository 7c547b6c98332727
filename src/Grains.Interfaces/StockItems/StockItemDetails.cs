namespace Inventory.Contracts.StockItems;

/// <summary>A stock item's balances at one version of its history.</summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-item-details")]
public sealed record StockItemDetails
{
    [Id(0)] public required string WarehouseId { get; init; }

    [Id(1)] public required string Sku { get; init; }

    [Id(2)] public int Version { get; init; }

    [Id(3)] public long OnHand { get; init; }

    [Id(4)] public long Reserved { get; init; }

    [Id(5)] public long ReorderPoint { get; init; }

    [Id(6)] public IReadOnlyList<ReservationDetails> Reservations { get; init; } = [];

    [Id(7)] public DateTimeOffset? LastMovementAt { get; init; }

    public long Available => OnHand - Reserved;
}
