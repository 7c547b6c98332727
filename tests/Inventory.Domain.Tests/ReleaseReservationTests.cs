using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Specs;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

public sealed partial class StockItemTests
{
    [Fact]
    public void GivenReservation_WhenReleasingWithoutQuantity_ThenReleasesAllAndClosesIt()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Release("order-1"))
            .Then(new ReservationReleased { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = "order-1", Quantity = 4, OnHandAfter = 10, ReservedAfter = 0 });

        Assert.Empty(after.Reservations);
        Assert.Equal(10, after.Available);
    }

    [Fact]
    public void GivenPartlyPickedReservation_WhenReleasingWithoutQuantity_ThenReleasesWhatItStillHolds()
    {
        var after = Given(
                Received(10, onHandAfter: 10),
                Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5),
                Picked(2, onHandAfter: 8, reservedAfter: 3, reservationId: "order-1"))
            .When(Release("order-1"))
            .Then(new ReservationReleased { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = "order-1", Quantity = 3, OnHandAfter = 8, ReservedAfter = 0 });

        Assert.Empty(after.Reservations);
    }

    [Fact]
    public void GivenReservation_WhenReleasingPart_ThenReservationKeepsTheRest()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5))
            .When(Release("order-1", 2))
            .Then(new ReservationReleased { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = "order-1", Quantity = 2, OnHandAfter = 10, ReservedAfter = 3 });

        Assert.Equal(KeyValuePair.Create("order-1", 3L), Assert.Single(after.Reservations));
    }

    [Fact]
    public void GivenReservation_WhenReleasingExactlyWhatItHolds_ThenClosesIt()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5))
            .When(Release("order-1", 5))
            .Then(new ReservationReleased { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = "order-1", Quantity = 5, OnHandAfter = 10, ReservedAfter = 0 });

        Assert.Empty(after.Reservations);
    }

    [Fact]
    public void GivenTwoReservations_WhenReleasingOne_ThenTheOtherStaysOpen()
    {
        var after = Given(
                Received(10, onHandAfter: 10),
                Reserved("order-1", 3, onHandAfter: 10, reservedAfter: 3),
                Reserved("order-2", 4, onHandAfter: 10, reservedAfter: 7))
            .When(Release("order-1"))
            .Then(new ReservationReleased { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = "order-1", Quantity = 3, OnHandAfter = 10, ReservedAfter = 4 });

        Assert.Equal(KeyValuePair.Create("order-2", 4L), Assert.Single(after.Reservations));
    }

    [Fact]
    public void GivenReservation_WhenReleasingMoreThanItHolds_ThenRejectsReservationExceeded() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5))
            .When(Release("order-1", 6))
            .ThenRejects(RejectionCodes.ReservationExceeded);

    [Fact]
    public void GivenPartlyReleasedReservation_WhenReleasingMoreThanItStillHolds_ThenRejectsReservationExceeded() =>
        Given(
                Received(10, onHandAfter: 10),
                Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5),
                Released("order-1", 3, onHandAfter: 10, reservedAfter: 2))
            .When(Release("order-1", 3))
            .ThenRejects(RejectionCodes.ReservationExceeded);

    [Fact]
    public void GivenStock_WhenReleasingAnUnknownReservation_ThenRejectsUnknownReservation() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5))
            .When(Release("order-2"))
            .ThenRejects(RejectionCodes.UnknownReservation);

    [Fact]
    public void GivenReleasedReservation_WhenReleasingItAgain_ThenRejectsUnknownReservation() =>
        Given(
                Received(10, onHandAfter: 10),
                Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5),
                Released("order-1", 5, onHandAfter: 10, reservedAfter: 0))
            .When(Release("order-1"))
            .ThenRejects(RejectionCodes.UnknownReservation);

    [Fact]
    public void GivenReservationClosedByPicking_WhenReleasingIt_ThenRejectsUnknownReservation() =>
        Given(
                Received(10, onHandAfter: 10),
                Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5),
                Picked(5, onHandAfter: 5, reservedAfter: 0, reservationId: "order-1"))
            .When(Release("order-1", 1))
            .ThenRejects(RejectionCodes.UnknownReservation);

    [Theory]
    [MemberData(nameof(InvalidQuantities))]
    public void GivenReservation_WhenReleasingQuantityOutOfRange_ThenRejectsInvalidQuantity(int quantity) =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5))
            .When(Release("order-1", quantity))
            .ThenRejects(RejectionCodes.InvalidQuantity);

    [Theory]
    [MemberData(nameof(InvalidReservationIds))]
    public void GivenStock_WhenReleasingAnInvalidReservationId_ThenRejectsInvalidReservationId(string reservationId) =>
        Given(Received(10, onHandAfter: 10))
            .When(Release(reservationId))
            .ThenRejects(RejectionCodes.InvalidReservationId);

    [Fact]
    public void GivenReservation_WhenReleasingWithEmptyMovementId_ThenRejectsInvalidMovementId() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 5, onHandAfter: 10, reservedAfter: 5))
            .When(Release("order-1") with { MovementId = Guid.Empty })
            .ThenRejects(RejectionCodes.InvalidMovementId);
}
