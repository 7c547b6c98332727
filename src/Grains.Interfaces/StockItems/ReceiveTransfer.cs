namespace Inventory.Contracts.StockItems;

/// <summary>Units of a transfer arrive at the destination warehouse: on-hand grows by <see cref="Quantity"/>. The
/// transfer's process manager, which sends it, keeps receipts within what was dispatched.</summary>
[GenerateSerializer, Immutable, Alias("inventory.receive-transfer")]
public sealed record ReceiveTransfer : StockCommand
{
    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required string FromWarehouseId { get; init; }

    [Id(2)] public required int Quantity { get; init; }

    public override string Fingerprint() => $"receive-transfer:{TransferId}:{FromWarehouseId}:{Quantity}";
}
