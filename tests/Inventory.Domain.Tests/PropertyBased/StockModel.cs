using System.Diagnostics.CodeAnalysis;
using Inventory.Contracts;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.PropertyBased;

/// <summary>
/// The product spec restated independently of StockItemDecisions: which rules a command breaks in a state, and
/// what an accepted command does to the balances. Deliberately plain (a mutable dictionary, no shared helpers).
/// </summary>
internal sealed class StockModel
{
    private const int Max = Quantities.Max;

    public long OnHand { get; private set; }

    public long ReorderPoint { get; private set; }

    public Dictionary<string, long> Reservations { get; } = new(StringComparer.Ordinal);

    public long Reserved => Reservations.Values.Sum();

    public long Available => OnHand - Reserved;

    /// <summary>Every rejection code the command deserves here; empty when it must be accepted. Decide reports
    /// one of them, in an order of its choosing.</summary>
    public HashSet<string> Violations(StockCommand command)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (command.MovementId == Guid.Empty)
        {
            codes.Add(RejectionCodes.InvalidMovementId);
        }

        switch (command)
        {
            case ReceiveStock c:
                Check(codes, IsQuantity(c.Quantity), RejectionCodes.InvalidQuantity);
                break;
            case PickStock { ReservationId: null } c:
                Check(codes, IsQuantity(c.Quantity), RejectionCodes.InvalidQuantity);
                Check(codes, c.Quantity <= Available, RejectionCodes.InsufficientStock);
                break;
            case PickStock c:
                Check(codes, IsQuantity(c.Quantity), RejectionCodes.InvalidQuantity);
                CheckOpenReservation(codes, c.ReservationId, c.Quantity);
                break;
            case ReserveStock c:
                Check(codes, IsQuantity(c.Quantity), RejectionCodes.InvalidQuantity);
                Check(codes, IsReservationId(c.ReservationId), RejectionCodes.InvalidReservationId);
                Check(codes, !Reservations.ContainsKey(c.ReservationId), RejectionCodes.ReservationAlreadyOpen);
                Check(codes, c.Quantity <= Available, RejectionCodes.InsufficientStock);
                break;
            case ReleaseReservation c:
                Check(codes, c.Quantity is null || IsQuantity(c.Quantity.Value), RejectionCodes.InvalidQuantity);
                CheckOpenReservation(codes, c.ReservationId, c.Quantity ?? 0);
                break;
            case AdjustStock c:
                Check(codes, c.Delta != 0 && Math.Abs((long)c.Delta) <= Max, RejectionCodes.InvalidQuantity);
                Check(codes, c.Reason is not null && c.Reason.Trim().Length > 0 && c.Reason.Length <= 200, RejectionCodes.ReasonRequired);
                Check(codes, OnHand + c.Delta >= Reserved, RejectionCodes.BelowReserved);
                break;
            case CountStock c:
                Check(codes, c.CountedQuantity is >= 0 and <= Max, RejectionCodes.InvalidQuantity);
                Check(codes, c.CountedQuantity >= Reserved, RejectionCodes.CountBelowReserved);
                break;
            case SetReorderPoint c:
                Check(codes, c.ReorderPoint is >= 0 and <= Max, RejectionCodes.InvalidQuantity);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "Not a stock command.");
        }

        return codes;
    }

    /// <summary>Applies an accepted command the way the spec describes it.</summary>
    public void Apply(StockCommand command)
    {
        switch (command)
        {
            case ReceiveStock c:
                OnHand += c.Quantity;
                break;
            case PickStock c:
                OnHand -= c.Quantity;
                if (c.ReservationId is { } pickedFrom)
                {
                    Take(pickedFrom, c.Quantity);
                }

                break;
            case ReserveStock c:
                Reservations.Add(c.ReservationId, c.Quantity);
                break;
            case ReleaseReservation c:
                Take(c.ReservationId, c.Quantity ?? Reservations[c.ReservationId]);
                break;
            case AdjustStock c:
                OnHand += c.Delta;
                break;
            case CountStock c:
                OnHand = c.CountedQuantity;
                break;
            case SetReorderPoint c:
                ReorderPoint = c.ReorderPoint;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "Not a stock command.");
        }
    }

    private static bool IsQuantity(int quantity) => quantity >= 1 && quantity <= Max;

    private static bool IsReservationId([NotNullWhen(true)] string? id) =>
        id is { Length: >= 1 and <= 64 } && id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-');

    private static void Check(HashSet<string> codes, bool ok, string code)
    {
        if (!ok)
        {
            codes.Add(code);
        }
    }

    private void CheckOpenReservation(HashSet<string> codes, string? id, int quantity)
    {
        if (!IsReservationId(id))
        {
            codes.Add(RejectionCodes.InvalidReservationId);
        }
        else if (!Reservations.TryGetValue(id, out var held))
        {
            codes.Add(RejectionCodes.UnknownReservation);
        }
        else if (quantity > held)
        {
            codes.Add(RejectionCodes.ReservationExceeded);
        }
    }

    private void Take(string id, long quantity)
    {
        var left = Reservations[id] - quantity;
        if (left == 0)
        {
            Reservations.Remove(id);
        }
        else
        {
            Reservations[id] = left;
        }
    }
}
