namespace Inventory.Contracts.StockItems;

/// <summary>Below this available quantity the item is low on stock.</summary>
[GenerateSerializer, Immutable, Alias("inventory.set-reorder-point")]
public sealed record SetReorderPoint : StockCommand
{
    [Id(0)] public required int ReorderPoint { get; init; }

    public override string Fingerprint() => $"reorder-point:{ReorderPoint}";
}
