using Inventory.Contracts.Projections;
using Inventory.Projections;
using Inventory.Testing.Projections;

namespace Inventory.Grains.Tests.Projections;

/// <summary>A poison event is retried, parked, counted, visible to operators, and re-driven once the projection is fixed;
/// the events after it are not held up.</summary>
[Collection(ProjectionClusterCollection.Name)]
public sealed class DeadLetterGrainTests(ProjectionClusterFixture fixture)
{
    [Fact]
    public async Task GivenAPoisonEvent_WhenProjected_ThenItIsParkedCountedListedAndRedrivenAfterTheFix()
    {
        var warehouse = ProjectionClusterFixture.NewWarehouse();
        var poison = Commands.Receive(5);
        PoisonableView.Poisoned[poison.MovementId] = true;
        var item = fixture.Item(warehouse, "p");
        await item.ExecuteAsync(poison);
        var after = Commands.Receive(1);
        await item.ExecuteAsync(after);
        var shard = fixture.Client.GetGrain<IPoisonableViewGrain>(PoisonableViewGrain.Definition.ShardKey(1, warehouse));

        // The event after the poison one is applied: the projection went on.
        await ProjectionClusterFixture.EventuallyAsync(() => shard.HasSeenAsync(after.MovementId), seen => seen);
        var letter = Assert.Single(
            await fixture.Admin.ListDeadLettersAsync("poisonable", openOnly: true, 0, 1000),
            l => l.StreamId == $"{warehouse}/p");
        Assert.Equal((1, warehouse, 4), (letter.Version, letter.Partition, letter.Attempts));
        Assert.Contains(poison.MovementId.ToString(), letter.Error, StringComparison.Ordinal);
        Assert.False(await shard.HasSeenAsync(poison.MovementId));
        var status = await ProjectionClusterFixture.EventuallyAsync(
            () => fixture.Admin.GetStatusesAsync(), s => s.Single(p => p.Name == "poisonable").DeadLetters >= 1);
        Assert.All(status.Where(s => s.Name != "poisonable"), s => Assert.Equal(0, s.DeadLetters));

        Assert.Equal(RedriveOutcome.StillFailing, await fixture.Admin.RetryDeadLetterAsync(letter.Id));
        PoisonableView.Poisoned.TryRemove(poison.MovementId, out _);
        Assert.Equal(RedriveOutcome.Redriven, await fixture.Admin.RetryDeadLetterAsync(letter.Id));
        Assert.Equal(RedriveOutcome.AlreadyRedriven, await fixture.Admin.RetryDeadLetterAsync(letter.Id));

        Assert.True(await shard.HasSeenAsync(poison.MovementId));
        Assert.DoesNotContain(await fixture.Admin.ListDeadLettersAsync("poisonable", openOnly: true, 0, 1000), l => l.Id == letter.Id);
        Assert.Equal(RedriveOutcome.NotFound, await fixture.Admin.RetryDeadLetterAsync(long.MaxValue));
    }
}
