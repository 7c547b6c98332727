using System.Collections.Immutable;

namespace Inventory.StockItems;

/// <summary>
/// The state of a stock item, folded from its events. Immutable; <see cref="Evolve"/> is the only way
/// it changes. Invariants: on-hand &gt;= 0, 0 &lt;= reserved &lt;= on-hand, available = on-hand - reserved.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-item")]
public sealed record StockItem
{
    public static readonly StockItem Empty = new();

    [Id(0)] public long OnHand { get; init; }

    /// <summary>Open reservations by id, with what each still holds.</summary>
    [Id(1)] public ImmutableDictionary<string, long> Reservations { get; init; } = ImmutableDictionary<string, long>.Empty;

    [Id(2)] public long Reserved { get; init; }

    [Id(3)] public long ReorderPoint { get; init; }

    [Id(4)] public DateTimeOffset? LastMovementAt { get; init; }

    public long Available => OnHand - Reserved;

    /// <summary>Applies one event. Never throws: decisions were validated before the event was raised.</summary>
    public static StockItem Evolve(StockItem state, StockItemEvent @event)
    {
        var next = @event switch
        {
            StockReceived e => state with { OnHand = state.OnHand + e.Quantity },
            StockPicked e when e.ReservationId is { } reservationId => state.Consume(reservationId, e.Quantity) with { OnHand = state.OnHand - e.Quantity },
            StockPicked e => state with { OnHand = state.OnHand - e.Quantity },
            StockReserved e => state with
            {
                Reservations = state.Reservations.SetItem(e.ReservationId, e.Quantity),
                Reserved = state.Reserved + e.Quantity,
            },
            ReservationReleased e => state.Consume(e.ReservationId, e.Quantity),
            StockAdjusted e => state with { OnHand = state.OnHand + e.Delta },
            StockCounted e => state with { OnHand = e.CountedQuantity },
            ReorderPointSet e => state with { ReorderPoint = e.ReorderPoint },
            _ => state,
        };
        return next with { LastMovementAt = @event.RecordedAt };
    }

    public static StockItem Fold(IEnumerable<StockItemEvent> events) => events.Aggregate(Empty, Evolve);

    private StockItem Consume(string reservationId, long quantity)
    {
        var held = Reservations.GetValueOrDefault(reservationId);
        var left = held - quantity;
        return this with
        {
            Reservations = left > 0 ? Reservations.SetItem(reservationId, left) : Reservations.Remove(reservationId),
            Reserved = Reserved - Math.Min(held, quantity),
        };
    }
}
