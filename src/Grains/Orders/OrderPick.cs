using Inventory.Contracts.Orders;

namespace Inventory.Orders;

/// <summary>An accepted pick: its lines are picked at the items one by one. <see cref="Failure"/>: the first of its lines
/// an item refused, if one did.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-pick")]
public sealed record OrderPick([property: Id(0)] Guid PickId, [property: Id(1)] IReadOnlyList<OrderLine> Lines, [property: Id(2)] bool Everything)
{
    [Id(3)] public OrderFailure? Failure { get; init; }
}
