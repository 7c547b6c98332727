using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Grains.Tests.Projections;

/// <summary>A projection that cannot read the log while the store's head moves on is reported stalled, with its lag,
/// not healthy; it recovers by itself once the log can be read again.</summary>
[Collection(ProjectionClusterCollection.Name)]
public sealed class StallGrainTests(ProjectionClusterFixture fixture)
{
    [Fact]
    public async Task GivenCatchUpCannotReadTheLog_WhenTheHeadMoves_ThenTheProjectionIsReportedStalledAndRecoversAfterwards()
    {
        var warehouse = ProjectionClusterFixture.NewWarehouse();
        fixture.Log.ReadsFail = true;
        try
        {
            var last = await fixture.Item(warehouse, "s").ExecuteAsync(Commands.Receive(3));

            var stalled = await ProjectionClusterFixture.EventuallyAsync(
                async () => (await fixture.Admin.GetStatusesAsync()).Single(s => s.Name == "warehouses"),
                s => s.Health == ProjectionHealth.Stalled);

            Assert.True(stalled.LagEvents >= 1 && stalled.HeadPosition >= last.Position && stalled.Checkpoint.Position < last.Position);
            Assert.True(stalled.LagMilliseconds > 0, $"lag {stalled.LagMilliseconds} ms");
        }
        finally
        {
            fixture.Log.ReadsFail = false;
        }

        await ProjectionClusterFixture.EventuallyAsync(
            async () => (await fixture.Admin.GetStatusesAsync()).Single(s => s.Name == "warehouses"),
            s => s.Health == ProjectionHealth.Live && s.LagEvents == 0);
    }
}
