namespace Inventory.Api.Contracts;

/// <summary>Reserve an order's lines in one warehouse, all or none. Sending the same request again answers the order as
/// it stands.</summary>
public sealed record OrderReservationRequest
{
    public required string WarehouseId { get; init; }

    /// <summary>1 to 100 lines, each SKU once.</summary>
    public required IReadOnlyList<OrderLineRequest> Lines { get; init; }
}
