namespace Inventory.Contracts.StockItems;

/// <summary>Hold <see cref="Quantity"/> units of available stock for an order.</summary>
[GenerateSerializer, Immutable, Alias("inventory.reserve-stock")]
public sealed record ReserveStock : StockCommand
{
    [Id(0)] public required int Quantity { get; init; }

    [Id(1)] public required string ReservationId { get; init; }

    public override string Fingerprint() => $"reserve:{Quantity}:{ReservationId}";
}
