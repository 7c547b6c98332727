using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Specs;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

public sealed partial class StockItemTests
{
    [Fact]
    public void GivenAvailableStock_WhenPickingWithoutReservation_ThenStockPicked() =>
        Given(Received(10, onHandAfter: 10))
            .When(Pick(3))
            .Then(new StockPicked { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = 3, ReservationId = null, OnHandAfter = 7, ReservedAfter = 0 });

    [Fact]
    public void GivenReservedStock_WhenPickingExactlyTheAvailable_ThenAcceptedAndReservationUntouched()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Pick(6))
            .Then(new StockPicked { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = 6, ReservationId = null, OnHandAfter = 4, ReservedAfter = 4 });

        Assert.Equal(0, after.Available);
        Assert.Equal(4, after.Reservations["order-1"]);
    }

    [Fact]
    public void GivenReservedStock_WhenPickingMoreThanAvailableWithoutReservation_ThenRejectsInsufficientStock() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Pick(7))
            .ThenRejects(RejectionCodes.InsufficientStock);

    [Fact]
    public void GivenNoHistory_WhenPickingOne_ThenRejectsInsufficientStock() =>
        Given()
            .When(Pick(1))
            .ThenRejects(RejectionCodes.InsufficientStock);

    [Fact]
    public void GivenMaxQuantityOnHand_WhenPickingMaxQuantity_ThenOnHandIsZero() =>
        Given(Received(Max, onHandAfter: Max))
            .When(Pick(Max))
            .Then(new StockPicked { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = Max, ReservationId = null, OnHandAfter = 0, ReservedAfter = 0 });

    [Theory]
    [MemberData(nameof(InvalidQuantities))]
    public void GivenMoreThanMaxQuantityOnHand_WhenPickingQuantityOutOfRange_ThenRejectsInvalidQuantity(int quantity) =>
        Given(Received(Max, onHandAfter: Max), Received(Max, onHandAfter: 2 * Max))
            .When(Pick(quantity))
            .ThenRejects(RejectionCodes.InvalidQuantity);

    [Fact]
    public void GivenReservation_WhenPickingPartOfItViaTheReservation_ThenReservationKeepsTheRest()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5))
            .When(Pick(2, "order-1"))
            .Then(new StockPicked { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = 2, ReservationId = "order-1", OnHandAfter = 8, ReservedAfter = 3 });

        Assert.Equal(3, after.Reservations["order-1"]);
        Assert.Equal(5, after.Available);
    }

    [Fact]
    public void GivenReservation_WhenPickingExactlyTheReservation_ThenReservationIsClosed()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5))
            .When(Pick(5, "order-1"))
            .Then(new StockPicked { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = 5, ReservationId = "order-1", OnHandAfter = 5, ReservedAfter = 0 });

        Assert.Empty(after.Reservations);
    }

    [Fact]
    public void GivenReservationFullyPicked_WhenPickingViaItAgain_ThenRejectsUnknownReservation() =>
        Given(
                Received(10, onHandAfter: 10),
                Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5),
                Picked(5, onHandAfter: 5, reservedAfter: 0, reservationId: "order-1"))
            .When(Pick(1, "order-1"))
            .ThenRejects(RejectionCodes.UnknownReservation);

    [Fact]
    public void GivenReservationWithAvailableStockBesideIt_WhenPickingMoreThanTheReservationHolds_ThenRejectsReservationExceeded() =>
        Given(Received(100, onHandAfter: 100), Reserved("order-1", 5, onHandAfter: 100, reservedAfter: 5))
            .When(Pick(6, "order-1"))
            .ThenRejects(RejectionCodes.ReservationExceeded);

    [Fact]
    public void GivenPartlyPickedReservation_WhenPickingMoreThanItStillHolds_ThenRejectsReservationExceeded() =>
        Given(
                Received(10, onHandAfter: 10),
                Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5),
                Picked(3, onHandAfter: 7, reservedAfter: 2, reservationId: "order-1"))
            .When(Pick(3, "order-1"))
            .ThenRejects(RejectionCodes.ReservationExceeded);

    [Fact]
    public void GivenAnotherReservation_WhenPickingViaAnUnknownReservation_ThenRejectsUnknownReservation() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5))
            .When(Pick(1, "order-2"))
            .ThenRejects(RejectionCodes.UnknownReservation);

    [Fact]
    public void GivenReleasedReservation_WhenPickingViaIt_ThenRejectsUnknownReservation() =>
        Given(
                Received(10, onHandAfter: 10),
                Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5),
                Released("order-1", 5, onHandAfter: 10, reservedAfter: 0))
            .When(Pick(1, "order-1"))
            .ThenRejects(RejectionCodes.UnknownReservation);

    [Theory]
    [MemberData(nameof(InvalidReservationIds))]
    public void GivenStock_WhenPickingViaAnInvalidReservationId_ThenRejectsInvalidReservationId(string reservationId) =>
        Given(Received(10, onHandAfter: 10))
            .When(Pick(1, reservationId))
            .ThenRejects(RejectionCodes.InvalidReservationId);

    [Theory]
    [MemberData(nameof(InvalidQuantities))]
    public void GivenReservation_WhenPickingQuantityOutOfRangeViaIt_ThenRejectsInvalidQuantity(int quantity) =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5))
            .When(Pick(quantity, "order-1"))
            .ThenRejects(RejectionCodes.InvalidQuantity);

    [Fact]
    public void GivenStock_WhenPickingWithEmptyMovementId_ThenRejectsInvalidMovementId() =>
        Given(Received(10, onHandAfter: 10))
            .When(Pick(1) with { MovementId = Guid.Empty })
            .ThenRejects(RejectionCodes.InvalidMovementId);
}
