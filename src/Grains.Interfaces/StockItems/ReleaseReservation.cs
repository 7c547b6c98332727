namespace Inventory.Contracts.StockItems;

/// <summary>Give back part of (or, without a quantity, all that is left of) an open reservation.</summary>
[GenerateSerializer, Immutable, Alias("inventory.release-reservation")]
public sealed record ReleaseReservation : StockCommand
{
    [Id(0)] public required string ReservationId { get; init; }

    [Id(1)] public int? Quantity { get; init; }

    public override string Fingerprint() => $"release:{ReservationId}:{Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}";
}
