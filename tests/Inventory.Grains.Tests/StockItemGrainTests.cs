using Inventory.Contracts.StockItems;
using Inventory.StockItems;
using static Inventory.Grains.Tests.Commands;

namespace Inventory.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class StockItemGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GivenNewItem_WhenStockIsReceivedAndPicked_ThenBalancesVersionsAndPositionsFollow()
    {
        var key = ClusterFixture.NewKey();
        var item = fixture.Item(key);

        var received = await item.ExecuteAsync(Receive(10));
        var picked = await item.ExecuteAsync(Pick(3));

        Assert.True(received.Accepted);
        Assert.Equal((1, 10L, 0L), (received.Version, received.OnHand, received.Reserved));
        Assert.Equal((2, 7L, 0L), (picked.Version, picked.OnHand, picked.Reserved));
        Assert.True(picked.Position > received.Position);
        var details = await item.GetDetailsAsync();
        Assert.Equal((2, 7L, 7L), (details.Version, details.OnHand, details.Available));
        Assert.Equal(2, (await fixture.Store.ReadStreamAsync(key, 0, 100)).Count);
    }

    [Fact]
    public async Task GivenTooLittleStock_WhenPicking_ThenRejectedAndNothingWritten()
    {
        var key = ClusterFixture.NewKey();
        var item = fixture.Item(key);
        await item.ExecuteAsync(Receive(2));

        var result = await item.ExecuteAsync(Pick(3));

        Assert.False(result.Accepted);
        Assert.Equal(RejectionCodes.InsufficientStock, result.Rejection!.Code);
        Assert.Equal(1, (await item.GetDetailsAsync()).Version);
        Assert.Single(await fixture.Store.ReadStreamAsync(key, 0, 100));
    }

    [Fact]
    public async Task GivenAppliedMovement_WhenRetried_ThenSameAnswerAndNothingAppended()
    {
        var key = ClusterFixture.NewKey();
        var item = fixture.Item(key);
        var command = Receive(5);
        var first = await item.ExecuteAsync(command);
        await item.ExecuteAsync(Receive(1));

        var retry = await item.ExecuteAsync(command);

        Assert.True(retry.Duplicate);
        Assert.Equal((first.Version, first.Position, first.OnHand, first.Reserved), (retry.Version, retry.Position, retry.OnHand, retry.Reserved));
        Assert.Equal(2, (await fixture.Store.ReadStreamAsync(key, 0, 100)).Count);
    }

    [Fact]
    public async Task GivenManyConcurrentRetriesOfOneMovement_ThenItIsAppliedExactlyOnce()
    {
        var key = ClusterFixture.NewKey();
        var command = Receive(4);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => fixture.Item(key).ExecuteAsync(command)));

        Assert.Single(results, r => !r.Duplicate);
        Assert.All(results, r => Assert.Equal((1, 4L), (r.Version, r.OnHand)));
        Assert.Single(await fixture.Store.ReadStreamAsync(key, 0, 100));
    }

    [Fact]
    public async Task GivenOldPickNoLongerValid_WhenRetriedAfterReactivation_ThenOriginalAnswerNotARejection()
    {
        var key = ClusterFixture.NewKey();
        var item = fixture.Item(key);
        await item.ExecuteAsync(Receive(5));
        var pick = Pick(5);
        var original = await item.ExecuteAsync(pick);
        await fixture.ReactivateAsync(key);

        var retry = await fixture.Item(key).ExecuteAsync(pick);

        Assert.True(retry.Accepted);
        Assert.True(retry.Duplicate);
        Assert.Equal((original.Version, 0L), (retry.Version, retry.OnHand));
    }

    [Fact]
    public async Task GivenMovementIdUsedForAnotherMovement_ThenRejectedAsReused()
    {
        var key = ClusterFixture.NewKey();
        var item = fixture.Item(key);
        var id = Guid.NewGuid();
        await item.ExecuteAsync(Receive(5, id));

        var reused = await item.ExecuteAsync(Receive(6, id));
        var reusedAsRejectable = await item.ExecuteAsync(Pick(50, id));

        Assert.Equal(RejectionCodes.MovementIdReused, reused.Rejection?.Code);
        Assert.Equal(RejectionCodes.MovementIdReused, reusedAsRejectable.Rejection?.Code);
        Assert.Equal(5, (await item.GetDetailsAsync()).OnHand);
    }

    [Fact]
    public async Task GivenAnotherWriterMovedTheStream_WhenCommandConflicts_ThenItIsDecidedAgainOnTheNewState()
    {
        var key = ClusterFixture.NewKey();
        var item = fixture.Item(key);
        await item.ExecuteAsync(Receive(10));

        // Another writer (say, a second activation during a partition) takes all the stock behind the grain's back.
        var stream = new StockItemStream(fixture.Store, key);
        var stolen = StockItemDecisions.Decide(StockItem.Empty with { OnHand = 10 }, Pick(10), DateTimeOffset.UtcNow).Event!;
        Assert.True((await stream.AppendAsync(1, [stolen], new())).Stored);

        var result = await item.ExecuteAsync(Pick(5));

        Assert.Equal(RejectionCodes.InsufficientStock, result.Rejection?.Code);
        var details = await item.GetDetailsAsync();
        Assert.Equal((2, 0L), (details.Version, details.OnHand));
        Assert.Equal(2, (await fixture.Store.ReadStreamAsync(key, 0, 100)).Count);
    }
}
