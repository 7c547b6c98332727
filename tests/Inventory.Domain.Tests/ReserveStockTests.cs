using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Specs;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

public sealed partial class StockItemTests
{
    [Fact]
    public void GivenAvailableStock_WhenReserving_ThenStockReservedAndReservationOpen()
    {
        var after = Given(Received(10, onHandAfter: 10))
            .When(Reserve(4, "order-1"))
            .Then(new StockReserved { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = "order-1", Quantity = 4, OnHandAfter = 10, ReservedAfter = 4 });

        Assert.Equal(KeyValuePair.Create("order-1", 4L), Assert.Single(after.Reservations));
        Assert.Equal(6, after.Available);
    }

    [Fact]
    public void GivenAnotherReservation_WhenReservingExactlyTheAvailable_ThenAccepted()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Reserve(6, "order-2"))
            .Then(new StockReserved { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = "order-2", Quantity = 6, OnHandAfter = 10, ReservedAfter = 10 });

        Assert.Equal(2, after.Reservations.Count);
        Assert.Equal(0, after.Available);
    }

    [Fact]
    public void GivenAnotherReservation_WhenReservingMoreThanAvailable_ThenRejectsInsufficientStock() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Reserve(7, "order-2"))
            .ThenRejects(RejectionCodes.InsufficientStock);

    [Fact]
    public void GivenNoHistory_WhenReservingOne_ThenRejectsInsufficientStock() =>
        Given()
            .When(Reserve(1, "order-1"))
            .ThenRejects(RejectionCodes.InsufficientStock);

    [Fact]
    public void GivenMaxQuantityOnHand_WhenReservingMaxQuantity_ThenAccepted() =>
        Given(Received(Max, onHandAfter: Max))
            .When(Reserve(Max, "order-1"))
            .Then(new StockReserved { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = "order-1", Quantity = Max, OnHandAfter = Max, ReservedAfter = Max });

    [Fact]
    public void GivenOpenReservation_WhenReservingTheSameIdAgain_ThenRejectsReservationAlreadyOpen() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Reserve(1, "order-1"))
            .ThenRejects(RejectionCodes.ReservationAlreadyOpen);

    [Fact]
    public void GivenReleasedReservation_WhenReservingTheSameIdAgain_ThenAccepted() =>
        Given(
                Received(10, onHandAfter: 10),
                Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4),
                Released("order-1", 4, onHandAfter: 10, reservedAfter: 0))
            .When(Reserve(2, "order-1"))
            .Then(new StockReserved { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = "order-1", Quantity = 2, OnHandAfter = 10, ReservedAfter = 2 });

    [Fact]
    public void GivenStock_WhenReservingWithAnIdOf64Characters_ThenAccepted() =>
        Given(Received(10, onHandAfter: 10))
            .When(Reserve(1, ReservationIdOfLength(64)))
            .Then(new StockReserved { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = ReservationIdOfLength(64), Quantity = 1, OnHandAfter = 10, ReservedAfter = 1 });

    [Fact]
    public void GivenStock_WhenReservingWithEveryAllowedCharacterKind_ThenAccepted() =>
        Given(Received(10, onHandAfter: 10))
            .When(Reserve(1, "Az09._-"))
            .Then(new StockReserved { MovementId = MovementId, RecordedAt = StockItemSpec.Now, ReservationId = "Az09._-", Quantity = 1, OnHandAfter = 10, ReservedAfter = 1 });

    [Theory]
    [MemberData(nameof(InvalidReservationIds))]
    public void GivenStock_WhenReservingWithAnInvalidId_ThenRejectsInvalidReservationId(string reservationId) =>
        Given(Received(10, onHandAfter: 10))
            .When(Reserve(1, reservationId))
            .ThenRejects(RejectionCodes.InvalidReservationId);

    [Theory]
    [MemberData(nameof(InvalidQuantities))]
    public void GivenMoreThanMaxQuantityOnHand_WhenReservingQuantityOutOfRange_ThenRejectsInvalidQuantity(int quantity) =>
        Given(Received(Max, onHandAfter: Max), Received(Max, onHandAfter: 2 * Max))
            .When(Reserve(quantity, "order-1"))
            .ThenRejects(RejectionCodes.InvalidQuantity);

    [Fact]
    public void GivenStock_WhenReservingWithEmptyMovementId_ThenRejectsInvalidMovementId() =>
        Given(Received(10, onHandAfter: 10))
            .When(Reserve(1, "order-1") with { MovementId = Guid.Empty })
            .ThenRejects(RejectionCodes.InvalidMovementId);
}
