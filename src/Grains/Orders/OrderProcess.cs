using Inventory.Contracts.Orders;
using Inventory.Contracts.StockItems;
using Inventory.Processes;

namespace Inventory.Orders;

/// <summary>
/// The order's process: from its state, the next step, and the event that records each step's outcome. Pure; the grain
/// runs it until there is no next step. Order of work: picks already accepted are picked first; then, when a line was
/// refused at reservation or a release asked for, every line still held is released and the order ends failed or
/// released; otherwise lines are reserved in order, and once every line is picked in full the order is fulfilled (or,
/// holding nothing any more without being fully picked, released). Every item command has an id derived from the order
/// and the step, so a step repeated after a crash is the same movement, applied once; every reservation at the items is
/// the order's own, <see cref="OrderIds.ReservationId"/>.
/// </summary>
public static class OrderProcess
{
    public static ProcessStep<OrderEvent>? Next(OrderState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists || state.Ended)
        {
            return null;
        }

        var stream = OrderStream.Id(state.OrderId!);
        foreach (var pick in state.Picks)
        {
            foreach (var line in pick.Lines.Where(l => !state.AnsweredPickLines.Contains(OrderState.PickLineKey(pick.PickId, l.Sku))))
            {
                return Pick(state, stream, pick.PickId, line);
            }
        }

        if (state.Refusal is not null || state.ReleaseRequested)
        {
            if (state.Lines.Find(l => l.Held > 0) is { } held)
            {
                return Release(state, stream, held);
            }

            return End(state.Refusal is not null
                ? new OrderFailed { MovementId = ProcessIds.Step(stream, "end"), RecordedAt = now }
                : new OrderReleased { MovementId = ProcessIds.Step(stream, "end"), RecordedAt = now });
        }

        if (state.Lines.Find(l => l.Reserved == 0) is { } unreserved)
        {
            return Reserve(state, stream, unreserved);
        }

        if (state.Lines.TrueForAll(l => l.Picked >= l.Requested))
        {
            return End(new OrderFulfilled { MovementId = ProcessIds.Step(stream, "end"), RecordedAt = now });
        }

        // Nothing held, not all picked: the rest went back at the items (released outside the order); nothing is left to wait for.
        return state.Lines.TrueForAll(l => l.Held <= 0)
            ? End(new OrderReleased { MovementId = ProcessIds.Step(stream, "end"), RecordedAt = now })
            : null;
    }

    private static RecordStep<OrderEvent> End(OrderEvent end) => new(end);

    private static ItemStep<OrderEvent> Reserve(OrderState state, string stream, OrderLineState line)
    {
        var command = new ReserveStock
        {
            MovementId = ProcessIds.Step(stream, $"reserve/{line.Sku}"),
            CorrelationId = stream,
            ReservationId = OrderIds.ReservationId(state.OrderId!),
            Quantity = line.Requested,
        };
        return new ItemStep<OrderEvent>(StockItemKey.Create(state.WarehouseId, line.Sku), command, (answer, now) => answer.Accepted
            ? new OrderLineReserved
            {
                MovementId = command.MovementId, RecordedAt = now, Sku = line.Sku, Quantity = command.Quantity, ItemVersion = answer.Version, Position = answer.Position,
            }
            : new OrderLineRefused
            {
                MovementId = command.MovementId, RecordedAt = now, Sku = line.Sku, Quantity = command.Quantity, Code = answer.Rejection!.Code, Message = answer.Rejection.Message,
            });
    }

    /// <summary>A pick against the order's reservation. An item refuses it only when the reservation no longer holds what
    /// the order counts on (someone released or picked it at the item): the refusal is recorded and the process moves on.</summary>
    private static ItemStep<OrderEvent> Pick(OrderState state, string stream, Guid pickId, OrderLine line)
    {
        var command = new PickStock
        {
            MovementId = ProcessIds.Step(stream, $"pick/{pickId:N}/{line.Sku}"),
            CorrelationId = stream,
            ReservationId = OrderIds.ReservationId(state.OrderId!),
            Quantity = line.Quantity,
        };
        return new ItemStep<OrderEvent>(StockItemKey.Create(state.WarehouseId, line.Sku), command, (answer, now) => answer.Accepted
            ? new OrderLinePicked
            {
                MovementId = command.MovementId, RecordedAt = now, PickId = pickId, Sku = line.Sku, Quantity = line.Quantity, ItemVersion = answer.Version, Position = answer.Position,
            }
            : new OrderLinePickRefused
            {
                MovementId = command.MovementId, RecordedAt = now, PickId = pickId, Sku = line.Sku, Quantity = line.Quantity, Code = answer.Rejection!.Code, Message = answer.Rejection.Message,
            });
    }

    /// <summary>Releases all that is left of the order's reservation of a line (no quantity: the item releases what it
    /// still holds, so nothing of the order's stays reserved even if part went elsewhere). A reservation already gone
    /// (unknown-reservation) is recorded as lost and the process moves on; any other refusal cannot happen to a
    /// well-formed release, and if one does the step stays undone (and is tried again) rather than be recorded as done.</summary>
    private static ItemStep<OrderEvent> Release(OrderState state, string stream, OrderLineState line)
    {
        var command = new ReleaseReservation
        {
            MovementId = ProcessIds.Step(stream, $"release/{line.Sku}"),
            CorrelationId = stream,
            ReservationId = OrderIds.ReservationId(state.OrderId!),
            Quantity = null,
        };
        var held = checked((int)line.Held);
        return new ItemStep<OrderEvent>(StockItemKey.Create(state.WarehouseId, line.Sku), command, (answer, now) => answer switch
        {
            { Accepted: true } => new OrderLineReleased
            {
                MovementId = command.MovementId, RecordedAt = now, Sku = line.Sku, Quantity = held, ItemVersion = answer.Version, Position = answer.Position,
            },
            { Rejection.Code: RejectionCodes.UnknownReservation } => new OrderLineReservationLost
            {
                MovementId = command.MovementId, RecordedAt = now, Sku = line.Sku, Quantity = held, Code = answer.Rejection.Code, Message = answer.Rejection.Message,
            },
            _ => throw new InvalidOperationException(
                $"Item step {command.MovementId} ({command.Fingerprint()}) was refused: {answer.Rejection!.Code}: {answer.Rejection.Message}"),
        });
    }
}
