using Inventory.Contracts.StockItems;

namespace Inventory.StockItems;

// The events of a stock item: a public contract. Stored names and schema versions are in
// EventStore/StockItemEventTypes.cs; never rename a stored name, never reuse or renumber an [Id].
// Every event carries the balances right after it, so the history reads as a ledger.

/// <summary>Base of every stock item event.</summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-item-event")]
public abstract record StockItemEvent
{
    [Id(0)] public required Guid MovementId { get; init; }

    /// <summary>Server time when the movement was recorded.</summary>
    [Id(1)] public required DateTimeOffset RecordedAt { get; init; }

    [Id(2)] public required long OnHandAfter { get; init; }

    [Id(3)] public required long ReservedAfter { get; init; }
}

[GenerateSerializer, Immutable, Alias("inventory.stock-received")]
public sealed record StockReceived : StockItemEvent
{
    [Id(0)] public required int Quantity { get; init; }
}

[GenerateSerializer, Immutable, Alias("inventory.stock-picked")]
public sealed record StockPicked : StockItemEvent
{
    [Id(0)] public required int Quantity { get; init; }

    /// <summary>The reservation the pick consumed, if any.</summary>
    [Id(1)] public string? ReservationId { get; init; }
}

[GenerateSerializer, Immutable, Alias("inventory.stock-reserved")]
public sealed record StockReserved : StockItemEvent
{
    [Id(0)] public required string ReservationId { get; init; }

    [Id(1)] public required int Quantity { get; init; }
}

[GenerateSerializer, Immutable, Alias("inventory.reservation-released")]
public sealed record ReservationReleased : StockItemEvent
{
    [Id(0)] public required string ReservationId { get; init; }

    /// <summary>How much was given back.</summary>
    [Id(1)] public required long Quantity { get; init; }
}

/// <summary>Schema v2: a signed delta. v1 stored an unsigned quantity and a direction (see the upcaster).</summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-adjusted")]
public sealed record StockAdjusted : StockItemEvent
{
    [Id(0)] public required int Delta { get; init; }

    [Id(1)] public required string Reason { get; init; }
}

[GenerateSerializer, Immutable, Alias("inventory.stock-counted")]
public sealed record StockCounted : StockItemEvent
{
    [Id(0)] public required int CountedQuantity { get; init; }

    /// <summary>Counted minus on-hand before the count.</summary>
    [Id(1)] public required long Delta { get; init; }
}

[GenerateSerializer, Immutable, Alias("inventory.reorder-point-set")]
public sealed record ReorderPointSet : StockItemEvent
{
    [Id(0)] public required int ReorderPoint { get; init; }
}

/// <summary>A transfer's line left this (source) item: on-hand shrank by <see cref="Quantity"/>, now in transit.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-dispatched")]
public sealed record TransferDispatched : StockItemEvent
{
    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required string ToWarehouseId { get; init; }

    [Id(2)] public required int Quantity { get; init; }
}

/// <summary>Units of a transfer arrived at this (destination) item: on-hand grew by <see cref="Quantity"/>.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-received")]
public sealed record TransferReceived : StockItemEvent
{
    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required string FromWarehouseId { get; init; }

    [Id(2)] public required int Quantity { get; init; }
}

/// <summary>Units of a transfer came back to this (source) item instead of arriving: on-hand grew by <see cref="Quantity"/>.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-returned")]
public sealed record TransferReturned : StockItemEvent
{
    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required string ToWarehouseId { get; init; }

    [Id(2)] public required int Quantity { get; init; }
}
