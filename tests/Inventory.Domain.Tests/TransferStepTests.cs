using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Specs;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

/// <summary>The item's side of a transfer: dispatch needs available stock; receipt and return add to on-hand. What a
/// transfer may receive or return is the transfer's rule (TransferProcessTests), not the item's.</summary>
public sealed partial class StockItemTests
{
    [Fact]
    public void GivenAvailableStock_WhenDispatchingATransferLine_ThenOnHandShrinksAndReservationsStay()
    {
        var after = Given(Received(10, onHandAfter: 10), Reserved("order-1", 3, onHandAfter: 10, reservedAfter: 3))
            .When(Dispatch(7))
            .Then(new TransferDispatched
            {
                MovementId = MovementId, RecordedAt = StockItemSpec.Now, TransferId = "t-1", ToWarehouseId = "wh-b", Quantity = 7, OnHandAfter = 3, ReservedAfter = 3,
            });

        Assert.Equal(0, after.Available);
        Assert.Equal(3, after.Reservations["order-1"]);
    }

    [Fact]
    public void GivenReservedStock_WhenDispatchingMoreThanAvailable_ThenRejectsInsufficientStock() =>
        Given(Received(10, onHandAfter: 10), Reserved("order-1", 4, onHandAfter: 10, reservedAfter: 4))
            .When(Dispatch(7))
            .ThenRejects(RejectionCodes.InsufficientStock);

    [Theory]
    [MemberData(nameof(InvalidQuantities))]
    public void GivenStock_WhenDispatchingAnInvalidQuantity_ThenRejectsInvalidQuantity(int quantity) =>
        Given(Received(Max, onHandAfter: Max))
            .When(Dispatch(quantity))
            .ThenRejects(RejectionCodes.InvalidQuantity);

    [Theory]
    [InlineData("", "wh-b")]
    [InlineData("t 1", "wh-b")]
    [InlineData("t-1", "")]
    [InlineData("t-1", "wh/b")]
    public void GivenStock_WhenATransferStepHasMalformedIds_ThenRejectsInvalidTransfer(string transferId, string warehouseId)
    {
        Given(Received(10, onHandAfter: 10)).When(new DispatchTransfer { MovementId = MovementId, TransferId = transferId, ToWarehouseId = warehouseId, Quantity = 1 })
            .ThenRejects(RejectionCodes.InvalidTransfer);
        Given(Received(10, onHandAfter: 10)).When(new ReceiveTransfer { MovementId = MovementId, TransferId = transferId, FromWarehouseId = warehouseId, Quantity = 1 })
            .ThenRejects(RejectionCodes.InvalidTransfer);
        Given(Received(10, onHandAfter: 10)).When(new ReturnTransfer { MovementId = MovementId, TransferId = transferId, ToWarehouseId = warehouseId, Quantity = 1 })
            .ThenRejects(RejectionCodes.InvalidTransfer);
    }

    [Fact]
    public void GivenNoHistory_WhenReceivingATransferLine_ThenOnHandGrows() =>
        Given()
            .When(new ReceiveTransfer { MovementId = MovementId, TransferId = "t-1", FromWarehouseId = "wh-a", Quantity = 4 })
            .Then(new TransferReceived
            {
                MovementId = MovementId, RecordedAt = StockItemSpec.Now, TransferId = "t-1", FromWarehouseId = "wh-a", Quantity = 4, OnHandAfter = 4, ReservedAfter = 0,
            });

    [Fact]
    public void GivenADispatchedLine_WhenItIsReturned_ThenOnHandIsBackWhereItWas()
    {
        var after = Given(
                Received(10, onHandAfter: 10),
                new TransferDispatched { MovementId = Guid.NewGuid(), RecordedAt = Earlier, TransferId = "t-1", ToWarehouseId = "wh-b", Quantity = 6, OnHandAfter = 4, ReservedAfter = 0 })
            .When(new ReturnTransfer { MovementId = MovementId, TransferId = "t-1", ToWarehouseId = "wh-b", Quantity = 6 })
            .Then(new TransferReturned
            {
                MovementId = MovementId, RecordedAt = StockItemSpec.Now, TransferId = "t-1", ToWarehouseId = "wh-b", Quantity = 6, OnHandAfter = 10, ReservedAfter = 0,
            });

        Assert.Equal(10, after.OnHand);
    }

    [Fact]
    public void GivenTheSameDispatch_WhenFingerprinted_ThenItDiffersFromADispatchOfAnotherQuantityOrDestination()
    {
        Assert.Equal(Dispatch(3).Fingerprint(), Dispatch(3).Fingerprint());
        Assert.NotEqual(Dispatch(3).Fingerprint(), Dispatch(4).Fingerprint());
        Assert.NotEqual(Dispatch(3).Fingerprint(), (Dispatch(3) with { ToWarehouseId = "wh-c" }).Fingerprint());
    }

    private static DispatchTransfer Dispatch(int quantity) =>
        new() { MovementId = MovementId, TransferId = "t-1", ToWarehouseId = "wh-b", Quantity = quantity };
}
