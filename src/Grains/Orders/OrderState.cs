using System.Collections.Immutable;
using Inventory.Contracts.Orders;
using Inventory.Contracts.StockItems;

namespace Inventory.Orders;

/// <summary>
/// An order folded from its own log. Immutable; <see cref="Evolve"/> is the only way it changes. What it reserved,
/// picked and released per line are the outcomes the items answered, so that for every line
/// picked + released + released outside + held = reserved.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.order-state")]
public sealed record OrderState
{
    public static readonly OrderState Empty = new();

    [Id(0)] public string? OrderId { get; init; }

    [Id(1)] public string WarehouseId { get; init; } = "";

    [Id(2)] public DateTimeOffset RequestedAt { get; init; }

    /// <summary>In the order they were requested (and are reserved).</summary>
    [Id(3)] public ImmutableList<OrderLineState> Lines { get; init; } = [];

    /// <summary>Accepted picks, in the order they were accepted.</summary>
    [Id(4)] public ImmutableList<OrderPick> Picks { get; init; } = [];

    /// <summary>The pick lines the items have answered (picked or refused), as <see cref="PickLineKey"/>.</summary>
    [Id(5)] public ImmutableHashSet<string> AnsweredPickLines { get; init; } = [];

    [Id(6)] public bool ReleaseRequested { get; init; }

    [Id(7)] public string? ReleaseReason { get; init; }

    /// <summary>The line an item refused to reserve, if one did.</summary>
    [Id(8)] public OrderFailure? Refusal { get; init; }

    [Id(9)] public DateTimeOffset? ReservedAt { get; init; }

    [Id(10)] public DateTimeOffset? EndedAt { get; init; }

    /// <summary><see cref="OrderStatuses.Fulfilled"/>, <see cref="OrderStatuses.Released"/> or
    /// <see cref="OrderStatuses.Failed"/> once the order ended.</summary>
    [Id(11)] public string? Ending { get; init; }

    [Id(12)] public string? RequestFingerprint { get; init; }

    public bool Exists => OrderId is not null;

    public bool Ended => Ending is not null;

    public bool AllReserved => Lines.All(l => l.Reserved > 0);

    public bool PickPending => Picks.Any(p => p.Lines.Any(l => !AnsweredPickLines.Contains(PickLineKey(p.PickId, l.Sku))));

    public string Status =>
        Ending
        ?? (Refusal is not null ? OrderStatuses.Compensating
        : ReleaseRequested ? OrderStatuses.Releasing
        : PickPending ? OrderStatuses.Picking
        : !AllReserved ? OrderStatuses.Reserving
        : OrderStatuses.Reserved);

    public static string PickLineKey(Guid pickId, string sku) => $"{pickId:N}/{sku}";

    /// <summary>Units of <paramref name="sku"/> in accepted picks that the item has not answered yet.</summary>
    public long PendingPick(string sku) =>
        Picks.Sum(p => p.Lines.Where(l => l.Sku == sku && !AnsweredPickLines.Contains(PickLineKey(p.PickId, sku))).Sum(l => (long)l.Quantity));

    /// <summary>What a new pick may still take of <paramref name="sku"/>: held, less pending picks.</summary>
    public long Pickable(string sku) => Lines.Find(l => l.Sku == sku) is { } line ? line.Held - PendingPick(sku) : 0;

    public static OrderState Evolve(OrderState state, OrderEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            OrderRequested e => state with
            {
                OrderId = e.OrderId,
                WarehouseId = e.WarehouseId,
                RequestedAt = e.RecordedAt,
                Lines = [.. e.Lines.Select(l => new OrderLineState(l.Sku, l.Quantity))],
                RequestFingerprint = Fingerprint(e),
            },
            OrderLineReserved e => state.Reserve(e),
            OrderLineRefused e => state with { Refusal = new OrderFailure(e.Sku, e.Code, e.Message) },
            OrderPickAccepted e => state with { Picks = state.Picks.Add(new OrderPick(e.PickId, e.Lines, e.Everything)) },
            OrderLinePicked e => state.WithLine(e.Sku, l => l with { Picked = l.Picked + e.Quantity }) with
            {
                AnsweredPickLines = state.AnsweredPickLines.Add(PickLineKey(e.PickId, e.Sku)),
            },
            OrderLinePickRefused e => state.PickRefused(e),
            OrderReleaseRequested e => state with { ReleaseRequested = true, ReleaseReason = e.Reason },
            OrderLineReleased e => state.WithLine(e.Sku, l => l with { Released = l.Released + Math.Min(e.Quantity, l.Held) }),
            OrderLineReservationLost e => state.WithLine(e.Sku, l => l with { ReleasedOutside = l.ReleasedOutside + l.Held }),
            OrderFulfilled e => state with { Ending = OrderStatuses.Fulfilled, EndedAt = e.RecordedAt },
            OrderReleased e => state with { Ending = OrderStatuses.Released, EndedAt = e.RecordedAt },
            OrderFailed e => state with { Ending = OrderStatuses.Failed, EndedAt = e.RecordedAt },
            _ => state,
        };
    }

    public static OrderState Fold(IEnumerable<OrderEvent> events) => events.Aggregate(Empty, Evolve);

    /// <summary>The request's content as <see cref="ReserveOrder.Fingerprint"/> gives it.</summary>
    public static string Fingerprint(OrderRequested e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ReserveOrder { WarehouseId = e.WarehouseId, Lines = e.Lines }.Fingerprint();
    }

    /// <summary>The line reserved; the order is reserved from when its last line is.</summary>
    private OrderState Reserve(OrderLineReserved e)
    {
        var next = WithLine(e.Sku, l => l with { Reserved = l.Reserved + e.Quantity });
        return next.AllReserved ? next with { ReservedAt = e.RecordedAt } : next;
    }

    /// <summary>The pick line answered; with unknown-reservation the item holds nothing of the order's any more, so what
    /// the order held of the line counts as released outside it.</summary>
    private OrderState PickRefused(OrderLinePickRefused e)
    {
        var index = Picks.FindIndex(p => p.PickId == e.PickId);
        var next = this with
        {
            AnsweredPickLines = AnsweredPickLines.Add(PickLineKey(e.PickId, e.Sku)),
            Picks = index < 0 || Picks[index].Failure is not null ? Picks : Picks.SetItem(index, Picks[index] with { Failure = new OrderFailure(e.Sku, e.Code, e.Message) }),
        };
        return e.Code == RejectionCodes.UnknownReservation
            ? next.WithLine(e.Sku, l => l with { ReleasedOutside = l.ReleasedOutside + l.Held })
            : next;
    }

    private OrderState WithLine(string sku, Func<OrderLineState, OrderLineState> change)
    {
        var index = Lines.FindIndex(l => l.Sku == sku);
        return index < 0 ? this : this with { Lines = Lines.SetItem(index, change(Lines[index])) };
    }
}
