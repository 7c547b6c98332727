namespace Inventory.Contracts.StockItems;

/// <summary>Goods arrived: on-hand grows by <see cref="Quantity"/>.</summary>
[GenerateSerializer, Immutable, Alias("inventory.receive-stock")]
public sealed record ReceiveStock : StockCommand
{
    [Id(0)] public required int Quantity { get; init; }

    public override string Fingerprint() => $"receive:{Quantity}";
}
