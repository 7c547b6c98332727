namespace Inventory.Contracts.StockItems;

/// <summary>Goods left the shelf, either from free stock or against an open reservation.</summary>
[GenerateSerializer, Immutable, Alias("inventory.pick-stock")]
public sealed record PickStock : StockCommand
{
    [Id(0)] public required int Quantity { get; init; }

    [Id(1)] public string? ReservationId { get; init; }

    public override string Fingerprint() => $"pick:{Quantity}:{ReservationId}";
}
