using Inventory.Contracts.Orders;

namespace Inventory.Orders;

// The events of an order's own log (stream order:{orderId}): a public contract like the item events. Stored names and
// schema versions are in OrderEventTypes.cs; never rename a stored name, never reuse or renumber an [Id]. An event that
// records an item step's outcome carries the item movement's id as its own movement id, so the two read side by side.

/// <summary>Base of every order event.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-event")]
public abstract record OrderEvent
{
    [Id(0)] public required Guid MovementId { get; init; }

    [Id(1)] public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>The order was asked for; its lines are reserved next, in order.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-requested")]
public sealed record OrderRequested : OrderEvent
{
    [Id(0)] public required string OrderId { get; init; }

    [Id(1)] public required string WarehouseId { get; init; }

    [Id(2)] public required IReadOnlyList<OrderLine> Lines { get; init; }
}

/// <summary>The item reserved a line under the order's reservation (its event is at <see cref="ItemVersion"/>, global
/// <see cref="Position"/>).</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-line-reserved")]
public sealed record OrderLineReserved : OrderEvent
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }

    [Id(2)] public required int ItemVersion { get; init; }

    [Id(3)] public required long Position { get; init; }
}

/// <summary>The item refused to reserve a line: the lines reserved before it are released.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-line-refused")]
public sealed record OrderLineRefused : OrderEvent
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }

    [Id(2)] public required string Code { get; init; }

    [Id(3)] public required string Message { get; init; }
}

/// <summary>A pick was accepted (within what the order holds); its lines are picked next. <see cref="Everything"/>: the
/// request named no lines, and these are what the order held then.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-pick-accepted")]
public sealed record OrderPickAccepted : OrderEvent
{
    [Id(0)] public required Guid PickId { get; init; }

    [Id(1)] public required IReadOnlyList<OrderLine> Lines { get; init; }

    [Id(2)] public required bool Everything { get; init; }
}

/// <summary>The item picked a line of a pick against the order's reservation.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-line-picked")]
public sealed record OrderLinePicked : OrderEvent
{
    [Id(0)] public required Guid PickId { get; init; }

    [Id(1)] public required string Sku { get; init; }

    [Id(2)] public required int Quantity { get; init; }

    [Id(3)] public required int ItemVersion { get; init; }

    [Id(4)] public required long Position { get; init; }
}

/// <summary>The item refused to pick a line of a pick: its reservation no longer holds what the order counted on (it was
/// released or picked at the item directly). With unknown-reservation, the order counts what it held of the line as
/// released outside it.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-line-pick-refused")]
public sealed record OrderLinePickRefused : OrderEvent
{
    [Id(0)] public required Guid PickId { get; init; }

    [Id(1)] public required string Sku { get; init; }

    [Id(2)] public required int Quantity { get; init; }

    [Id(3)] public required string Code { get; init; }

    [Id(4)] public required string Message { get; init; }
}

/// <summary>A release was accepted: what the order holds goes back next.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-release-requested")]
public sealed record OrderReleaseRequested : OrderEvent
{
    [Id(0)] public string? Reason { get; init; }
}

/// <summary>The item released what was left of the order's reservation of a line (<see cref="Quantity"/>: what the order held).</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-line-released")]
public sealed record OrderLineReleased : OrderEvent
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }

    [Id(2)] public required int ItemVersion { get; init; }

    [Id(3)] public required long Position { get; init; }
}

/// <summary>The item had no open reservation of the order's when the order released a line: it was released or picked
/// at the item directly. The order counts what it held of the line (<see cref="Quantity"/>) as released outside it.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-line-reservation-lost")]
public sealed record OrderLineReservationLost : OrderEvent
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }

    [Id(2)] public required string Code { get; init; }

    [Id(3)] public required string Message { get; init; }
}

/// <summary>Every line was picked in full.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-fulfilled")]
public sealed record OrderFulfilled : OrderEvent;

/// <summary>The order holds nothing any more and not everything was picked.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-released")]
public sealed record OrderReleased : OrderEvent;

/// <summary>The compensation after a refused line is done: every reserved line went back.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-failed")]
public sealed record OrderFailed : OrderEvent;
