using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

/// <summary>Evolve and Fold: the state after events, independent of any decision.</summary>
public sealed class StockItemEvolveTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GivenNoEvents_WhenFolding_ThenStateIsEmpty()
    {
        var state = StockItem.Fold([]);

        Assert.Equal(0, state.OnHand);
        Assert.Equal(0, state.Reserved);
        Assert.Equal(0, state.Available);
        Assert.Equal(0, state.ReorderPoint);
        Assert.Empty(state.Reservations);
        Assert.Null(state.LastMovementAt);
    }

    [Fact]
    public void GivenEmptyState_WhenStockReceived_ThenOnHandGrowsAndLastMovementIsItsTime()
    {
        var state = StockItem.Evolve(StockItem.Empty, Received(10, at: T0));

        Assert.Equal(10, state.OnHand);
        Assert.Equal(0, state.Reserved);
        Assert.Equal(10, state.Available);
        Assert.Equal(T0, state.LastMovementAt);
    }

    [Fact]
    public void GivenReservation_WhenStockPickedWithoutReservation_ThenOnlyOnHandShrinks()
    {
        var state = StockItem.Fold([Received(10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4)]);

        state = StockItem.Evolve(state, Picked(3, onHandAfter: 7, reservedAfter: 4));

        Assert.Equal(7, state.OnHand);
        Assert.Equal(4, state.Reserved);
        Assert.Equal(3, state.Available);
        Assert.Equal(KeyValuePair.Create("order-1", 4L), Assert.Single(state.Reservations));
    }

    [Fact]
    public void GivenReservation_WhenStockPickedViaPartOfIt_ThenOnHandReservedAndReservationShrink()
    {
        var state = StockItem.Fold([Received(10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4)]);

        state = StockItem.Evolve(state, Picked(3, onHandAfter: 7, reservedAfter: 1, reservationId: "order-1"));

        Assert.Equal(7, state.OnHand);
        Assert.Equal(1, state.Reserved);
        Assert.Equal(6, state.Available);
        Assert.Equal(KeyValuePair.Create("order-1", 1L), Assert.Single(state.Reservations));
    }

    [Fact]
    public void GivenReservation_WhenStockPickedViaAllOfIt_ThenReservationIsRemoved()
    {
        var state = StockItem.Fold([Received(10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4), Picked(4, onHandAfter: 6, reservedAfter: 0, reservationId: "order-1")]);

        Assert.Equal(6, state.OnHand);
        Assert.Equal(0, state.Reserved);
        Assert.Empty(state.Reservations);
    }

    [Fact]
    public void GivenStock_WhenTwoReservationsMade_ThenReservedIsTheirSum()
    {
        var state = StockItem.Fold([Received(10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4), Reserved("order-2", 5, onHandAfter: 10, reservedAfter: 9)]);

        Assert.Equal(10, state.OnHand);
        Assert.Equal(9, state.Reserved);
        Assert.Equal(1, state.Available);
        Assert.Equal(
            [KeyValuePair.Create("order-1", 4L), KeyValuePair.Create("order-2", 5L)],
            state.Reservations.OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void GivenReservation_WhenPartReleased_ThenReservationKeepsTheRest()
    {
        var state = StockItem.Fold([Received(10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4), Released("order-1", 1, onHandAfter: 10, reservedAfter: 3)]);

        Assert.Equal(10, state.OnHand);
        Assert.Equal(3, state.Reserved);
        Assert.Equal(KeyValuePair.Create("order-1", 3L), Assert.Single(state.Reservations));
    }

    [Fact]
    public void GivenReservation_WhenAllReleased_ThenReservationIsRemoved()
    {
        var state = StockItem.Fold([Received(10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4), Released("order-1", 4, onHandAfter: 10, reservedAfter: 0)]);

        Assert.Equal(10, state.OnHand);
        Assert.Equal(0, state.Reserved);
        Assert.Empty(state.Reservations);
    }

    [Fact]
    public void GivenStock_WhenAdjustedDownThenUp_ThenOnHandFollowsTheSignedDeltas()
    {
        var state = StockItem.Fold([Received(10), Adjusted(-4, onHandAfter: 6)]);
        Assert.Equal(6, state.OnHand);

        state = StockItem.Evolve(state, Adjusted(2, onHandAfter: 8));
        Assert.Equal(8, state.OnHand);
    }

    [Fact]
    public void GivenStockWithReservation_WhenCounted_ThenOnHandIsTheCountAndReservationsAreKept()
    {
        var state = StockItem.Fold([Received(10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4), Counted(6, delta: -4, reservedAfter: 4)]);

        Assert.Equal(6, state.OnHand);
        Assert.Equal(4, state.Reserved);
        Assert.Equal(KeyValuePair.Create("order-1", 4L), Assert.Single(state.Reservations));
    }

    [Fact]
    public void GivenStock_WhenReorderPointSet_ThenOnlyReorderPointAndLastMovementChange()
    {
        var before = StockItem.Fold([Received(10, at: T0), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4, at: T0)]);

        var after = StockItem.Evolve(before, ReorderPointWasSet(7, onHandAfter: 10, reservedAfter: 4, at: T0.AddMinutes(5)));

        Assert.Equal(7, after.ReorderPoint);
        Assert.Equal(10, after.OnHand);
        Assert.Equal(4, after.Reserved);
        Assert.Same(before.Reservations, after.Reservations);
        Assert.Equal(T0.AddMinutes(5), after.LastMovementAt);
    }

    [Fact]
    public void GivenEvents_WhenFolding_ThenLastMovementAtIsTheTimeOfTheLastEvent()
    {
        var state = StockItem.Fold([Received(10, at: T0), Picked(1, onHandAfter: 9, at: T0.AddMinutes(1)), Counted(9, delta: 0, at: T0.AddMinutes(2))]);

        Assert.Equal(T0.AddMinutes(2), state.LastMovementAt);
    }

    [Fact]
    public void GivenState_WhenEvolving_ThenTheGivenStateIsUnchanged()
    {
        var before = StockItem.Fold([Received(10, at: T0), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4, at: T0)]);

        _ = StockItem.Evolve(before, Picked(4, onHandAfter: 6, reservedAfter: 0, reservationId: "order-1", at: T0.AddMinutes(1)));

        Assert.Equal(10, before.OnHand);
        Assert.Equal(4, before.Reserved);
        Assert.Equal(KeyValuePair.Create("order-1", 4L), Assert.Single(before.Reservations));
        Assert.Equal(T0, before.LastMovementAt);
    }

    [Fact]
    public void GivenTheDefaultValue_WhenRead_ThenItIsTheEmptyState()
    {
        StockItem state = default;

        Assert.Equal(StockItem.Empty, state);
        Assert.Empty(state.Reservations);
        Assert.Equal(StockItem.Fold([]), state);
    }

    [Fact]
    public void GivenTheSameReservationsReachedByDifferentEvents_WhenCompared_ThenTheStatesAreEqual()
    {
        var reservedOnce = StockItem.Fold([Received(10, at: T0), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4, at: T0)]);
        var reservedThenReleased = StockItem.Fold(
        [
            Received(10, at: T0),
            Reserved("order-1", 6, onHandAfter: 10, reservedAfter: 6, at: T0),
            Released("order-1", 2, onHandAfter: 10, reservedAfter: 4),
        ]);
        var releasedAll = StockItem.Fold([Received(10, at: T0), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4, at: T0), Released("order-1", 4, onHandAfter: 10, reservedAfter: 0)]);

        Assert.Equal(reservedOnce, reservedThenReleased);
        Assert.Equal(reservedOnce.GetHashCode(), reservedThenReleased.GetHashCode());
        Assert.NotEqual(reservedOnce, releasedAll);
        Assert.Equal(StockItem.Fold([Received(10, at: T0)]), releasedAll);
    }

    [Fact]
    public void GivenEvents_WhenFolding_ThenEqualsEvolvingOneByOne()
    {
        StockItemEvent[] events =
        [
            Received(10),
            Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4),
            Picked(2, onHandAfter: 8, reservedAfter: 2, reservationId: "order-1"),
            ReorderPointWasSet(3, onHandAfter: 8, reservedAfter: 2),
        ];

        var folded = StockItem.Fold(events);
        var stepped = StockItem.Evolve(StockItem.Evolve(StockItem.Evolve(StockItem.Evolve(StockItem.Empty, events[0]), events[1]), events[2]), events[3]);

        Assert.Equal(
            (stepped.OnHand, stepped.Reserved, stepped.ReorderPoint, stepped.LastMovementAt),
            (folded.OnHand, folded.Reserved, folded.ReorderPoint, folded.LastMovementAt));
        Assert.Equal((8L, 2L, 3L), (folded.OnHand, folded.Reserved, folded.ReorderPoint));
        Assert.Equal(KeyValuePair.Create("order-1", 2L), Assert.Single(folded.Reservations));
    }

    private static Guid Movement() => Guid.NewGuid();

    private static StockReceived Received(int quantity, DateTimeOffset? at = null) =>
        new() { MovementId = Movement(), RecordedAt = at ?? T0, Quantity = quantity, OnHandAfter = quantity, ReservedAfter = 0 };

    private static StockPicked Picked(int quantity, long onHandAfter, long reservedAfter = 0, string? reservationId = null, DateTimeOffset? at = null) =>
        new() { MovementId = Movement(), RecordedAt = at ?? T0, Quantity = quantity, ReservationId = reservationId, OnHandAfter = onHandAfter, ReservedAfter = reservedAfter };

    private static StockReserved Reserved(string reservationId, int quantity, long onHandAfter, long reservedAfter, DateTimeOffset? at = null) =>
        new() { MovementId = Movement(), RecordedAt = at ?? T0, ReservationId = reservationId, Quantity = quantity, OnHandAfter = onHandAfter, ReservedAfter = reservedAfter };

    private static ReservationReleased Released(string reservationId, long quantity, long onHandAfter, long reservedAfter) =>
        new() { MovementId = Movement(), RecordedAt = T0, ReservationId = reservationId, Quantity = quantity, OnHandAfter = onHandAfter, ReservedAfter = reservedAfter };

    private static StockAdjusted Adjusted(int delta, long onHandAfter) =>
        new() { MovementId = Movement(), RecordedAt = T0, Delta = delta, Reason = "damaged", OnHandAfter = onHandAfter, ReservedAfter = 0 };

    private static StockCounted Counted(int countedQuantity, long delta, long reservedAfter = 0, DateTimeOffset? at = null) =>
        new() { MovementId = Movement(), RecordedAt = at ?? T0, CountedQuantity = countedQuantity, Delta = delta, OnHandAfter = countedQuantity, ReservedAfter = reservedAfter };

    private static ReorderPointSet ReorderPointWasSet(int reorderPoint, long onHandAfter, long reservedAfter, DateTimeOffset? at = null) =>
        new() { MovementId = Movement(), RecordedAt = at ?? T0, ReorderPoint = reorderPoint, OnHandAfter = onHandAfter, ReservedAfter = reservedAfter };
}
