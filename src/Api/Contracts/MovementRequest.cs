namespace Inventory.Api.Contracts;

/// <summary>A stock movement from a scanner. <see cref="Quantity"/> is the signed delta for <c>adjust</c>, the
/// counted quantity for <c>count</c>, optional for <c>release</c> (all that is left), required otherwise.</summary>
public sealed record MovementRequest
{
    /// <summary>Client-generated; retrying with the same id never applies the movement twice.</summary>
    public required Guid MovementId { get; init; }

    public required string WarehouseId { get; init; }

    public required string Sku { get; init; }

    /// <summary>One of <c>receive</c>, <c>pick</c>, <c>reserve</c>, <c>release</c>, <c>adjust</c>, <c>count</c>.</summary>
    public required string Type { get; init; }

    public int? Quantity { get; init; }

    /// <summary>Required for <c>reserve</c> and <c>release</c>; optional for <c>pick</c> (pick against a reservation).</summary>
    public string? ReservationId { get; init; }

    /// <summary>Required for <c>adjust</c>.</summary>
    public string? Reason { get; init; }

    public string? ScannerId { get; init; }

    /// <summary>When the scanner says the movement happened (its own clock).</summary>
    public DateTimeOffset? OccurredAt { get; init; }
}
