namespace Inventory.Contracts.StockItems;

/// <summary>Units of a transfer that will not arrive go back on the source's shelf (a cancelled transfer, or the
/// compensation of one that could not dispatch every line): on-hand grows by <see cref="Quantity"/>. Sent by the
/// transfer's process manager, which keeps returns within what is in transit.</summary>
[GenerateSerializer, Immutable, Alias("inventory.return-transfer")]
public sealed record ReturnTransfer : StockCommand
{
    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required string ToWarehouseId { get; init; }

    [Id(2)] public required int Quantity { get; init; }

    public override string Fingerprint() => $"return-transfer:{TransferId}:{ToWarehouseId}:{Quantity}";
}
