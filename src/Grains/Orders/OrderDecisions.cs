using Inventory.Contracts;
using Inventory.Contracts.Orders;
using Inventory.Processes;

namespace Inventory.Orders;

/// <summary>
/// An order's rules for requests: a pure function from (state, request, time) to the events that record it, a
/// rejection, or "already applied". What the items then do is <see cref="OrderProcess"/>'s part.
/// </summary>
public static class OrderDecisions
{
    public const int MaxLines = ProcessLines.MaxLines;
    public const int MaxReasonLength = 200;

    public static ProcessDecision<OrderEvent> Reserve(OrderState state, string orderId, ReserveOrder command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (state.Exists)
        {
            return state.RequestFingerprint == command.Fingerprint()
                ? ProcessDecision<OrderEvent>.AlreadyApplied()
                : ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.OrderIdReused,
                    $"Order '{orderId}' was already placed with other content ({state.RequestFingerprint}).");
        }

        if (Invalid(orderId, command) is { } problem)
        {
            return ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.InvalidOrder, problem);
        }

        return ProcessDecision<OrderEvent>.Append(new OrderRequested
        {
            MovementId = ProcessIds.Step(OrderStream.Id(orderId), "requested"),
            RecordedAt = now,
            OrderId = orderId,
            WarehouseId = command.WarehouseId,
            Lines = [.. command.Lines],
        });
    }

    public static ProcessDecision<OrderEvent> Pick(OrderState state, PickOrder command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (!state.Exists)
        {
            return NotFound();
        }

        if (state.Picks.Find(p => p.PickId == command.PickId) is { } earlier)
        {
            var same = command.Lines is null ? earlier.Everything : !earlier.Everything && earlier.Lines.SequenceEqual(command.Lines);
            return same
                ? ProcessDecision<OrderEvent>.AlreadyApplied()
                : ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.PickIdReused, $"Pick {command.PickId} was already used for other lines.");
        }

        if (NotOpen(state, "nothing can be picked", whileReserving: false) is { } closed)
        {
            return closed;
        }

        if (command.PickId == Guid.Empty)
        {
            return ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.InvalidOrder, "The pick id must be a UUID other than all zeros.");
        }

        IReadOnlyList<OrderLine> lines;
        if (command.Lines is null)
        {
            lines = [.. state.Lines.Select(l => new OrderLine(l.Sku, checked((int)state.Pickable(l.Sku)))).Where(l => l.Quantity > 0)];
            if (lines.Count == 0)
            {
                return ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.NothingToPick, $"Order '{state.OrderId}' holds nothing that is not being picked already.");
            }
        }
        else
        {
            if (InvalidLines(command.Lines) is { } problem)
            {
                return ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.InvalidOrder, problem);
            }

            foreach (var line in command.Lines)
            {
                if (!state.Lines.Exists(l => l.Sku == line.Sku))
                {
                    return ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.InvalidOrder, $"SKU '{line.Sku}' is not on order '{state.OrderId}'.");
                }

                var pickable = state.Pickable(line.Sku);
                if (line.Quantity > pickable)
                {
                    return ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.OverPick,
                        $"Order '{state.OrderId}' holds {pickable} of '{line.Sku}' that can still be picked; cannot pick {line.Quantity}.");
                }
            }

            lines = [.. command.Lines];
        }

        return ProcessDecision<OrderEvent>.Append(new OrderPickAccepted
        {
            MovementId = ProcessIds.Step(OrderStream.Id(state.OrderId!), $"pick/{command.PickId:N}"),
            RecordedAt = now,
            PickId = command.PickId,
            Lines = lines,
            Everything = command.Lines is null,
        });
    }

    public static ProcessDecision<OrderEvent> Release(OrderState state, ReleaseOrder command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (!state.Exists)
        {
            return NotFound();
        }

        if (state.ReleaseRequested || state.Ending == OrderStatuses.Released)
        {
            // Released before, or holding nothing any more: the order is as the caller wants it.
            return ProcessDecision<OrderEvent>.AlreadyApplied();
        }

        if (command.Reason is { Length: > MaxReasonLength })
        {
            return ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.InvalidOrder, $"A reason has at most {MaxReasonLength} characters.");
        }

        // Not while reserving: the line being reserved may be held at its item without its outcome recorded yet (a crash
        // between the two), and a release now would leave it held. The process settles that step by itself first.
        return NotOpen(state, "nothing can be released", whileReserving: false) ?? ProcessDecision<OrderEvent>.Append(new OrderReleaseRequested
        {
            MovementId = ProcessIds.Step(OrderStream.Id(state.OrderId!), "release"),
            RecordedAt = now,
            Reason = command.Reason,
        });
    }

    /// <summary>What is wrong with an order request, or null.</summary>
    public static string? Invalid(string orderId, ReserveOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!OrderIds.IsValid(orderId))
        {
            return $"Order id '{orderId}': {OrderIds.Rule}";
        }

        if (!Identifiers.IsValid(command.WarehouseId))
        {
            return $"Warehouse id: {Identifiers.Rule}";
        }

        return InvalidLines(command.Lines);
    }

    /// <summary>What is wrong with a list of lines (1 to <see cref="MaxLines"/>, each SKU once, quantities 1 to
    /// <see cref="Quantities.Max"/>), or null.</summary>
    public static string? InvalidLines(IReadOnlyList<OrderLine>? lines) => ProcessLines.Invalid(lines, l => (l.Sku, l.Quantity), "An order or a pick");

    /// <summary>The rejection of a pick or a release when the order holds nothing to act on: fulfilled, failed, released,
    /// being released, or (unless <paramref name="whileReserving"/>) still being reserved; null when it is open.</summary>
    private static ProcessDecision<OrderEvent>? NotOpen(OrderState state, string what, bool whileReserving) => state.Status switch
    {
        OrderStatuses.Fulfilled => ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.AlreadyFulfilled,
            $"Order '{state.OrderId}' is fulfilled: every line was picked, {what}."),
        OrderStatuses.Reserved or OrderStatuses.Picking => null,
        OrderStatuses.Reserving when whileReserving => null,
        var status => ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.NotReserved, $"Order '{state.OrderId}' is {status}: {what}."),
    };

    private static ProcessDecision<OrderEvent> NotFound() =>
        ProcessDecision<OrderEvent>.Reject(OrderRejectionCodes.OrderNotFound, "No order has this id.");
}
