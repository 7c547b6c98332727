using Inventory.Contracts;
using Inventory.Contracts.StockItems;
using Inventory.Domain.Tests.Specs;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

public sealed partial class StockItemTests
{
    [Theory]
    [InlineData("dock-scanner")]
    [InlineData("x")]
    [InlineData("Operator Ann (night shift)")]
    public void GivenNoHistory_WhenReceivingWithAValidPrincipal_ThenAccepted(string principal) =>
        Given()
            .When(Receive(2) with { Principal = principal })
            .Then(new StockReceived { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = 2, OnHandAfter = 2, ReservedAfter = 0 });

    [Fact]
    public void GivenNoHistory_WhenReceivingWithoutAPrincipal_ThenAccepted() =>
        Given()
            .When(Receive(2) with { Principal = null })
            .Then(new StockReceived { MovementId = MovementId, RecordedAt = StockItemSpec.Now, Quantity = 2, OnHandAfter = 2, ReservedAfter = 0 });

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("key\nname")]
    [InlineData("key\u0000")]
    public void GivenStock_WhenMovingWithAnInvalidPrincipal_ThenRejectsInvalidPrincipal(string principal) =>
        Given(Received(10, onHandAfter: 10))
            .When(Receive(5) with { Principal = principal })
            .ThenRejects(RejectionCodes.InvalidPrincipal);

    [Fact]
    public void GivenStock_WhenSettingAReorderPointWithAPrincipalOneCharacterTooLong_ThenRejectsInvalidPrincipal() =>
        Given(Received(10, onHandAfter: 10))
            .When(new SetReorderPoint { MovementId = MovementId, ReorderPoint = 3, Principal = new string('k', Principals.MaxLength + 1) })
            .ThenRejects(RejectionCodes.InvalidPrincipal);

    [Fact]
    public void GivenStock_WhenSettingAReorderPointWithAPrincipalOfTheMaximumLength_ThenAccepted() =>
        Assert.Null(StockItemDecisions.Decide(StockItem.Empty,
            new SetReorderPoint { MovementId = MovementId, ReorderPoint = 3, Principal = new string('k', Principals.MaxLength) }, StockItemSpec.Now).Rejection);

    [Fact]
    public void GivenTheSameMovementUnderTwoPrincipals_ThenTheFingerprintIsTheSame() =>
        Assert.Equal((Receive(5) with { Principal = "a" }).Fingerprint(), (Receive(5) with { Principal = "b" }).Fingerprint());
}
