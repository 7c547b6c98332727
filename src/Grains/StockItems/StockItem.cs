using System.Collections.Immutable;
using Inventory.Contracts.StockItems;

namespace Inventory.StockItems;

/// <summary>
/// The state of a stock item, folded from its events. Immutable; <see cref="Evolve"/> is the only way
/// it changes. Invariants: on-hand &gt;= 0, 0 &lt;= reserved &lt;= on-hand, available = on-hand - reserved.
/// </summary>
/// <remarks>A value, not an object: an active item holds it inline, so a movement allocates no new state that would
/// outlive the next garbage collection (every moved item's new state did, at thousands of movements a second).
/// <c>default</c> is <see cref="Empty"/>.</remarks>
[GenerateSerializer, Immutable, Alias("inventory.stock-item")]
public readonly record struct StockItem
{
    [Id(1)] private readonly ImmutableDictionary<string, long>? _reservations;

    public StockItem()
    {
    }

    public static StockItem Empty => default;

    [Id(0)] public long OnHand { get; init; }

    /// <summary>Open reservations by id, with what each still holds.</summary>
    public ImmutableDictionary<string, long> Reservations
    {
        get => _reservations ?? ImmutableDictionary<string, long>.Empty;
        init => _reservations = value;
    }

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
            TransferDispatched e => state with { OnHand = state.OnHand - e.Quantity },
            TransferReceived e => state with { OnHand = state.OnHand + e.Quantity },
            TransferReturned e => state with { OnHand = state.OnHand + e.Quantity },
            _ => state,
        };
        return next with { LastMovementAt = @event.RecordedAt };
    }

    /// <summary>Equal balances, reorder point, last movement time and open reservations (by content).</summary>
    public bool Equals(StockItem other) =>
        OnHand == other.OnHand && Reserved == other.Reserved && ReorderPoint == other.ReorderPoint && LastMovementAt == other.LastMovementAt
        && Reservations.Count == other.Reservations.Count
        && Reservations.All(r => other.Reservations.TryGetValue(r.Key, out var held) && held == r.Value);

    public override int GetHashCode() => HashCode.Combine(OnHand, Reserved, ReorderPoint, LastMovementAt, Reservations.Count);

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
