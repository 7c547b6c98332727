namespace Inventory.Contracts.StockItems;

/// <summary>A transfer's line leaves the source warehouse: on-hand shrinks by <see cref="Quantity"/>, which must be
/// available, and the units are in transit to <see cref="ToWarehouseId"/>. Sent by the transfer's process manager only.</summary>
[GenerateSerializer, Immutable, Alias("inventory.dispatch-transfer")]
public sealed record DispatchTransfer : StockCommand
{
    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required string ToWarehouseId { get; init; }

    [Id(2)] public required int Quantity { get; init; }

    public override string Fingerprint() => $"dispatch-transfer:{TransferId}:{ToWarehouseId}:{Quantity}";
}
