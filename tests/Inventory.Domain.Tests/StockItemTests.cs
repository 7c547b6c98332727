using Inventory.Contracts;
using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Specs;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

/// <summary>
/// The stock rules, one partial file per command (ReceiveStockTests.cs, PickStockTests.cs, ...). This file holds
/// what they share: the Given builders (events with explicit balances, as a ledger reads) and the When builders.
/// </summary>
public sealed partial class StockItemTests
{
    private const int Max = Quantities.Max;

    /// <summary>The movement id of every command under test.</summary>
    private static readonly Guid MovementId = Guid.Parse("6f1c2a9e-3b7d-4e15-9a0c-2d8e5f4b1a70");

    private static readonly DateTimeOffset Earlier = StockItemSpec.Now.AddHours(-1);

    private int _historyMovements;

    /// <summary>Quantities outside 1..1,000,000.</summary>
    public static TheoryData<int> InvalidQuantities => new() { 0, -1, Max + 1, int.MinValue, int.MaxValue };

    /// <summary>Reservation ids that do not match [A-Za-z0-9._-]{1,64}.</summary>
    public static TheoryData<string> InvalidReservationIds => new()
    {
        string.Empty,
        " ",
        "order 42",
        "order/42",
        "order:42",
        "réservation",
        "order-42\n",
        " order-42",
        new string('r', 65),
    };

    private static StockItemSpec Given(params StockItemEvent[] history) => StockItemSpec.Given(history);

    private static string ReservationIdOfLength(int length) => new('r', length);

    // Given: events as the ledger holds them.
    private StockReceived Received(int quantity, long onHandAfter, long reservedAfter = 0) => new()
    {
        MovementId = NextHistoryMovement(), RecordedAt = Earlier, Quantity = quantity, OnHandAfter = onHandAfter, ReservedAfter = reservedAfter,
    };

    private StockPicked Picked(int quantity, long onHandAfter, long reservedAfter = 0, string? reservationId = null) => new()
    {
        MovementId = NextHistoryMovement(), RecordedAt = Earlier, Quantity = quantity, ReservationId = reservationId, OnHandAfter = onHandAfter, ReservedAfter = reservedAfter,
    };

    private StockReserved Reserved(string reservationId, int quantity, long onHandAfter, long reservedAfter) => new()
    {
        MovementId = NextHistoryMovement(), RecordedAt = Earlier, ReservationId = reservationId, Quantity = quantity, OnHandAfter = onHandAfter, ReservedAfter = reservedAfter,
    };

    private ReservationReleased Released(string reservationId, long quantity, long onHandAfter, long reservedAfter) => new()
    {
        MovementId = NextHistoryMovement(), RecordedAt = Earlier, ReservationId = reservationId, Quantity = quantity, OnHandAfter = onHandAfter, ReservedAfter = reservedAfter,
    };

    private StockAdjusted Adjusted(int delta, long onHandAfter, long reservedAfter = 0) => new()
    {
        MovementId = NextHistoryMovement(), RecordedAt = Earlier, Delta = delta, Reason = "damaged", OnHandAfter = onHandAfter, ReservedAfter = reservedAfter,
    };

    private StockCounted Counted(int countedQuantity, long delta, long reservedAfter = 0) => new()
    {
        MovementId = NextHistoryMovement(), RecordedAt = Earlier, CountedQuantity = countedQuantity, Delta = delta, OnHandAfter = countedQuantity, ReservedAfter = reservedAfter,
    };

    private ReorderPointSet ReorderPointWasSet(int reorderPoint, long onHandAfter = 0, long reservedAfter = 0) => new()
    {
        MovementId = NextHistoryMovement(), RecordedAt = Earlier, ReorderPoint = reorderPoint, OnHandAfter = onHandAfter, ReservedAfter = reservedAfter,
    };

    // When: commands, all carrying MovementId.
    private static ReceiveStock Receive(int quantity) => new() { MovementId = MovementId, Quantity = quantity };

    private static PickStock Pick(int quantity, string? reservationId = null) =>
        new() { MovementId = MovementId, Quantity = quantity, ReservationId = reservationId };

    private static ReserveStock Reserve(int quantity, string reservationId) =>
        new() { MovementId = MovementId, Quantity = quantity, ReservationId = reservationId };

    private static ReleaseReservation Release(string reservationId, int? quantity = null) =>
        new() { MovementId = MovementId, ReservationId = reservationId, Quantity = quantity };

    private static AdjustStock Adjust(int delta, string reason) => new() { MovementId = MovementId, Delta = delta, Reason = reason };

    private static CountStock Count(int countedQuantity) => new() { MovementId = MovementId, CountedQuantity = countedQuantity };

    private static SetReorderPoint SetReorderPointTo(int reorderPoint) => new() { MovementId = MovementId, ReorderPoint = reorderPoint };

    private Guid NextHistoryMovement() => new(++_historyMovements, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
}
