namespace Inventory.Contracts.StockItems;

/// <summary>A cycle count: on-hand becomes <see cref="CountedQuantity"/>.</summary>
[GenerateSerializer, Immutable, Alias("inventory.count-stock")]
public sealed record CountStock : StockCommand
{
    [Id(0)] public required int CountedQuantity { get; init; }

    public override string Fingerprint() => $"count:{CountedQuantity}";
}
