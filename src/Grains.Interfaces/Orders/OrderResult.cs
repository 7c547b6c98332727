using Inventory.Contracts.StockItems;

namespace Inventory.Contracts.Orders;

/// <summary>The answer to an order request: the order as it stands after it (when there is one), and the rejection when
/// the request was refused. <see cref="Duplicate"/> marks a request that had been applied before.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-result")]
public sealed record OrderResult
{
    [Id(0)] public OrderDetails? Order { get; init; }

    [Id(1)] public Rejection? Rejection { get; init; }

    [Id(2)] public bool Duplicate { get; init; }

    /// <summary>With <see cref="OrderRejectionCodes.ReservationFailed"/> or <see cref="OrderRejectionCodes.PickFailed"/>:
    /// the line that an item refused, and why.</summary>
    [Id(3)] public OrderFailure? Failure { get; init; }

    public bool Accepted => Rejection is null;
}
