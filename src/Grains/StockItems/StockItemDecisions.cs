using Inventory.Contracts;
using Inventory.Contracts.StockItems;

namespace Inventory.StockItems;

/// <summary>
/// The stock rules: a pure function from (state, command, time) to one event or a rejection.
/// No I/O, no clock, no randomness: this is what the domain tests exercise.
/// </summary>
public static class StockItemDecisions
{
    public const int MaxReasonLength = 200;

    public static Decision Decide(StockItem state, StockCommand command, DateTimeOffset now)
    {
        if (command.MovementId == Guid.Empty)
        {
            return Decision.Reject(RejectionCodes.InvalidMovementId, "The movement id must be a UUID other than all zeros.");
        }

        if (command.Principal is not null && !Principals.IsValid(command.Principal))
        {
            return Decision.Reject(RejectionCodes.InvalidPrincipal, Principals.Rule);
        }

        return command switch
        {
            ReceiveStock c => Receive(state, c, now),
            PickStock c => Pick(state, c, now),
            ReserveStock c => Reserve(state, c, now),
            ReleaseReservation c => Release(state, c, now),
            AdjustStock c => Adjust(state, c, now),
            CountStock c => Count(state, c, now),
            SetReorderPoint c => SetReorderPoint(state, c, now),
            DispatchTransfer c => Dispatch(state, c, now),
            ReceiveTransfer c => ReceiveTransferred(state, c, now),
            ReturnTransfer c => ReturnTransferred(state, c, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown stock command."),
        };
    }

    private static Decision Receive(StockItem state, ReceiveStock c, DateTimeOffset now)
    {
        if (!IsQuantity(c.Quantity))
        {
            return InvalidQuantity(c.Quantity);
        }

        return Decision.Accept(new StockReceived
        {
            MovementId = c.MovementId,
            RecordedAt = now,
            Quantity = c.Quantity,
            OnHandAfter = state.OnHand + c.Quantity,
            ReservedAfter = state.Reserved,
        });
    }

    private static Decision Pick(StockItem state, PickStock c, DateTimeOffset now)
    {
        if (!IsQuantity(c.Quantity))
        {
            return InvalidQuantity(c.Quantity);
        }

        long reservedAfter = state.Reserved;
        if (c.ReservationId is { } reservationId)
        {
            if (!IsReservationId(reservationId))
            {
                return InvalidReservationId(reservationId);
            }

            if (!state.Reservations.TryGetValue(reservationId, out var held))
            {
                return Decision.Reject(RejectionCodes.UnknownReservation, $"Reservation '{reservationId}' is not open.");
            }

            if (c.Quantity > held)
            {
                return Decision.Reject(RejectionCodes.ReservationExceeded, $"Reservation '{reservationId}' holds {held}; cannot pick {c.Quantity} from it.");
            }

            reservedAfter -= c.Quantity;
        }
        else if (c.Quantity > state.Available)
        {
            return Decision.Reject(RejectionCodes.InsufficientStock, $"Only {state.Available} available; cannot pick {c.Quantity}.");
        }

        return Decision.Accept(new StockPicked
        {
            MovementId = c.MovementId,
            RecordedAt = now,
            Quantity = c.Quantity,
            ReservationId = c.ReservationId,
            OnHandAfter = state.OnHand - c.Quantity,
            ReservedAfter = reservedAfter,
        });
    }

    private static Decision Reserve(StockItem state, ReserveStock c, DateTimeOffset now)
    {
        if (!IsQuantity(c.Quantity))
        {
            return InvalidQuantity(c.Quantity);
        }

        if (!IsReservationId(c.ReservationId))
        {
            return InvalidReservationId(c.ReservationId);
        }

        if (state.Reservations.ContainsKey(c.ReservationId))
        {
            return Decision.Reject(RejectionCodes.ReservationAlreadyOpen, $"Reservation '{c.ReservationId}' is already open.");
        }

        if (c.Quantity > state.Available)
        {
            return Decision.Reject(RejectionCodes.InsufficientStock, $"Only {state.Available} available; cannot reserve {c.Quantity}.");
        }

        return Decision.Accept(new StockReserved
        {
            MovementId = c.MovementId,
            RecordedAt = now,
            ReservationId = c.ReservationId,
            Quantity = c.Quantity,
            OnHandAfter = state.OnHand,
            ReservedAfter = state.Reserved + c.Quantity,
        });
    }

    private static Decision Release(StockItem state, ReleaseReservation c, DateTimeOffset now)
    {
        if (!IsReservationId(c.ReservationId))
        {
            return InvalidReservationId(c.ReservationId);
        }

        if (c.Quantity is { } requested && !IsQuantity(requested))
        {
            return InvalidQuantity(requested);
        }

        if (!state.Reservations.TryGetValue(c.ReservationId, out var held))
        {
            return Decision.Reject(RejectionCodes.UnknownReservation, $"Reservation '{c.ReservationId}' is not open.");
        }

        var quantity = c.Quantity ?? held;
        if (quantity > held)
        {
            return Decision.Reject(RejectionCodes.ReservationExceeded, $"Reservation '{c.ReservationId}' holds {held}; cannot release {quantity}.");
        }

        return Decision.Accept(new ReservationReleased
        {
            MovementId = c.MovementId,
            RecordedAt = now,
            ReservationId = c.ReservationId,
            Quantity = quantity,
            OnHandAfter = state.OnHand,
            ReservedAfter = state.Reserved - quantity,
        });
    }

    private static Decision Adjust(StockItem state, AdjustStock c, DateTimeOffset now)
    {
        if (c.Delta == 0 || c.Delta < -Quantities.Max || c.Delta > Quantities.Max)
        {
            return Decision.Reject(RejectionCodes.InvalidQuantity, $"An adjustment must be a non-zero delta between -{Quantities.Max} and {Quantities.Max}; got {c.Delta}.");
        }

        if (string.IsNullOrWhiteSpace(c.Reason) || c.Reason.Length > MaxReasonLength)
        {
            return Decision.Reject(RejectionCodes.ReasonRequired, $"An adjustment needs a reason of 1 to {MaxReasonLength} characters.");
        }

        var onHandAfter = state.OnHand + c.Delta;
        if (onHandAfter < state.Reserved)
        {
            return Decision.Reject(RejectionCodes.BelowReserved, $"On-hand would become {onHandAfter}, below the {state.Reserved} reserved.");
        }

        return Decision.Accept(new StockAdjusted
        {
            MovementId = c.MovementId,
            RecordedAt = now,
            Delta = c.Delta,
            Reason = c.Reason,
            OnHandAfter = onHandAfter,
            ReservedAfter = state.Reserved,
        });
    }

    private static Decision Count(StockItem state, CountStock c, DateTimeOffset now)
    {
        if (c.CountedQuantity < 0 || c.CountedQuantity > Quantities.Max)
        {
            return Decision.Reject(RejectionCodes.InvalidQuantity, $"A counted quantity must be between 0 and {Quantities.Max}; got {c.CountedQuantity}.");
        }

        if (c.CountedQuantity < state.Reserved)
        {
            return Decision.Reject(RejectionCodes.CountBelowReserved, $"Counted {c.CountedQuantity}, below the {state.Reserved} reserved: release reservations first.");
        }

        return Decision.Accept(new StockCounted
        {
            MovementId = c.MovementId,
            RecordedAt = now,
            CountedQuantity = c.CountedQuantity,
            Delta = c.CountedQuantity - state.OnHand,
            OnHandAfter = c.CountedQuantity,
            ReservedAfter = state.Reserved,
        });
    }

    private static Decision SetReorderPoint(StockItem state, SetReorderPoint c, DateTimeOffset now)
    {
        if (c.ReorderPoint < 0 || c.ReorderPoint > Quantities.Max)
        {
            return Decision.Reject(RejectionCodes.InvalidQuantity, $"A reorder point must be between 0 and {Quantities.Max}; got {c.ReorderPoint}.");
        }

        return Decision.Accept(new ReorderPointSet
        {
            MovementId = c.MovementId,
            RecordedAt = now,
            ReorderPoint = c.ReorderPoint,
            OnHandAfter = state.OnHand,
            ReservedAfter = state.Reserved,
        });
    }

    private static Decision Dispatch(StockItem state, DispatchTransfer c, DateTimeOffset now)
    {
        if (TransferProblem(c.TransferId, c.ToWarehouseId, c.Quantity) is { } problem)
        {
            return problem;
        }

        if (c.Quantity > state.Available)
        {
            return Decision.Reject(RejectionCodes.InsufficientStock, $"Only {state.Available} available; cannot dispatch {c.Quantity}.");
        }

        return Decision.Accept(new TransferDispatched
        {
            MovementId = c.MovementId,
            RecordedAt = now,
            TransferId = c.TransferId,
            ToWarehouseId = c.ToWarehouseId,
            Quantity = c.Quantity,
            OnHandAfter = state.OnHand - c.Quantity,
            ReservedAfter = state.Reserved,
        });
    }

    private static Decision ReceiveTransferred(StockItem state, ReceiveTransfer c, DateTimeOffset now) =>
        TransferProblem(c.TransferId, c.FromWarehouseId, c.Quantity) ?? Decision.Accept(new TransferReceived
        {
            MovementId = c.MovementId,
            RecordedAt = now,
            TransferId = c.TransferId,
            FromWarehouseId = c.FromWarehouseId,
            Quantity = c.Quantity,
            OnHandAfter = state.OnHand + c.Quantity,
            ReservedAfter = state.Reserved,
        });

    private static Decision ReturnTransferred(StockItem state, ReturnTransfer c, DateTimeOffset now) =>
        TransferProblem(c.TransferId, c.ToWarehouseId, c.Quantity) ?? Decision.Accept(new TransferReturned
        {
            MovementId = c.MovementId,
            RecordedAt = now,
            TransferId = c.TransferId,
            ToWarehouseId = c.ToWarehouseId,
            Quantity = c.Quantity,
            OnHandAfter = state.OnHand + c.Quantity,
            ReservedAfter = state.Reserved,
        });

    /// <summary>The rejection of a transfer step whose ids or quantity are malformed, or null.</summary>
    private static Decision? TransferProblem(string? transferId, string? otherWarehouseId, int quantity)
    {
        if (!Identifiers.IsValid(transferId) || !Identifiers.IsValid(otherWarehouseId))
        {
            return Decision.Reject(RejectionCodes.InvalidTransfer, $"A transfer step needs a transfer id and a warehouse id: {Identifiers.Rule}");
        }

        return IsQuantity(quantity) ? null : InvalidQuantity(quantity);
    }

    private static bool IsQuantity(int quantity) => quantity is >= 1 and <= Quantities.Max;

    private static bool IsReservationId(string? reservationId) => Identifiers.IsValid(reservationId);

    private static Decision InvalidQuantity(int quantity) =>
        Decision.Reject(RejectionCodes.InvalidQuantity, $"A quantity must be between 1 and {Quantities.Max}; got {quantity}.");

    private static Decision InvalidReservationId(string? reservationId) =>
        Decision.Reject(RejectionCodes.InvalidReservationId, $"Reservation id '{reservationId}': {Identifiers.Rule}");
}
