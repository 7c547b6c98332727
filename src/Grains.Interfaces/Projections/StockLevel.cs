namespace Inventory.Contracts.Projections;

/// <summary>One stock item's numbers in a view: the SKU at a warehouse, as of the item's <see cref="Version"/>.</summary>
/// <remarks>A value, so that a view's dictionaries hold it inline and an event overwrites it in place: as an object, every
/// event made a new one that outlived the next garbage collections (the item's previous one is in an old generation,
/// and so is the dictionary pointing at it). Stored views written when it was a class read back the same.</remarks>
[GenerateSerializer, Immutable, Alias("inventory.stock-level")]
public readonly record struct StockLevel
{
    [Id(0)] public required string WarehouseId { get; init; }

    [Id(1)] public required string Sku { get; init; }

    [Id(2)] public long OnHand { get; init; }

    [Id(3)] public long Reserved { get; init; }

    [Id(4)] public int ReorderPoint { get; init; }

    [Id(5)] public int Version { get; init; }

    [Id(6)] public long Position { get; init; }

    [Id(7)] public DateTimeOffset LastMovementAt { get; init; }

    public long Available => OnHand - Reserved;

    /// <summary>Available below the reorder point.</summary>
    public bool IsLow => Available < ReorderPoint;
}
