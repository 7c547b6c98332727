using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.Projections;
using Inventory.StockItems;
using Inventory.Testing.Projections;
using Npgsql;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.ReadSide;

/// <summary>The read side's state on PostgreSQL through the grains: shard views and coordinator checkpoints in ADO.NET
/// grain storage survive the deactivation of every grain, and a poison event is parked in the dead-letter table,
/// listed, and re-driven once the projection is fixed.</summary>
[Collection(SiloCollection.Name)]
public sealed class ReadSideStateTests(ReadSideSilo silo, ITestOutputHelper output) : IClassFixture<ReadSideSilo>
{
    private static readonly TimeSpan ConvergenceBound = TimeSpan.FromSeconds(30);
    private static readonly ProjectionDefinition[] Standard = [StandardProjections.Warehouses, StandardProjections.Skus];

    [Fact]
    public async Task GivenViewsOnPostgres_WhenEveryGrainIsDeactivated_ThenViewsAndCheckpointsAreReadBackNotRebuilt()
    {
        var load = new MovementLoad(silo.Grains, ["wh-keep-a/apples", "wh-keep-a/pears", "wh-keep-b/apples", "wh-keep-b/plums"], TimeSpan.FromSeconds(10));
        await load.RunAsync(scanners: 4, until: TimeSpan.FromSeconds(1));
        await load.RetryUnansweredAsync(TimeSpan.FromSeconds(30));
        var replay = await Convergence.WaitAsync(silo.Views, silo.ConnectionString, ConvergenceBound);
        foreach (var definition in Standard)
        {
            await Coordinator(definition).CatchUpNowAsync();
        }

        var before = await StatusesAsync();
        var activations = await ShardActivationsAsync(replay);
        var starts = CoordinatorStarts();

        // An activation busy at that moment (a coordinator's tick, a shard's flush) is not collected: collect again
        // until every coordinator and shard is a new activation.
        var management = silo.Grains.GetGrain<IManagementGrain>(0);
        await Wait.UntilAsync(
            async () =>
            {
                await management.ForceActivationCollection(TimeSpan.Zero);
                var reactivated = await ShardActivationsAsync(replay);
                return activations.All(a => a.Value != reactivated[a.Key]) && CoordinatorStarts().All(s => s.Value.Count > starts[s.Key].Count);
            },
            TimeSpan.FromSeconds(20),
            "every shard and both coordinators of the standard projections are activated again",
            TimeSpan.FromMilliseconds(20));

        // The shards came back with what they stored, and the coordinators from their stored checkpoints: nothing was
        // delivered again (the last catch-up delivery is as old as before).
        var served = await ServedViews.ReadAsync(silo.Views, replay.Warehouses, replay.Skus, TimeSpan.FromSeconds(10));
        Assert.True(served.SameAs(replay.Views), served.DiffFrom(replay.Views));
        foreach (var definition in Standard)
        {
            var restarted = CoordinatorStarts()[definition.Name][^1];
            output.WriteLine(restarted);
            Assert.Contains($"generation 1 from checkpoint {before[definition.Name].Checkpoint},", restarted, StringComparison.Ordinal);
        }

        var after = await StatusesAsync();
        foreach (var definition in Standard)
        {
            var (was, now) = (before[definition.Name], after[definition.Name]);
            Assert.NotEqual(LogPosition.Start, was.Checkpoint);
            Assert.NotNull(was.LastAppliedAt);
            Assert.Equal((was.Generation, was.Checkpoint, was.LastAppliedAt, was.Partitions), (now.Generation, now.Checkpoint, now.LastAppliedAt, now.Partitions));
            Assert.Null(now.Rebuild);
        }
    }

    [Fact]
    public async Task GivenAPoisonEvent_WhenProjectedOnPostgres_ThenItIsParkedInTheDeadLetterTableAndRedrivenAfterTheFix()
    {
        const string warehouse = "wh-poison";
        var poison = new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 5 };
        PoisonableView.Poisoned[poison.MovementId] = true;
        var item = silo.Grains.GetGrain<IStockItemGrain>($"{warehouse}/p");
        Assert.True((await item.ExecuteAsync(poison)).Accepted);
        var next = new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 1 };
        Assert.True((await item.ExecuteAsync(next)).Accepted);
        var shard = silo.Grains.GetGrain<IPoisonableViewGrain>(PoisonableViewGrain.Definition.ShardKey(1, warehouse));

        await Wait.UntilAsync(() => shard.HasSeenAsync(next.MovementId), ConvergenceBound, "the event after the poison one is projected");
        var letter = Assert.Single(await silo.Admin.ListDeadLettersAsync("poisonable", openOnly: true, 0, 1000));
        Assert.Equal(($"{warehouse}/p", 1, warehouse, 4, StockItemEventTypes.Received), (letter.StreamId, letter.Version, letter.Partition, letter.Attempts, letter.EventType));
        Assert.Contains(poison.MovementId.ToString(), letter.Error, StringComparison.Ordinal);
        Assert.Equal([(letter.Id, false)], await DeadLetterRowsAsync());
        Assert.False(await shard.HasSeenAsync(poison.MovementId));
        await Wait.UntilAsync(async () => (await silo.Admin.GetStatusesAsync()).Single(s => s.Name == "poisonable").DeadLetters == 1,
            ConvergenceBound, "the poisonable projection reports its dead letter");
        Assert.All((await silo.Admin.GetStatusesAsync()).Where(s => s.Name != "poisonable"), s => Assert.Equal(0, s.DeadLetters));
        await Convergence.WaitAsync(silo.Views, silo.ConnectionString, ConvergenceBound);

        Assert.Equal(RedriveOutcome.StillFailing, await silo.Admin.RetryDeadLetterAsync(letter.Id));
        PoisonableView.Poisoned.TryRemove(poison.MovementId, out _);
        Assert.Equal(RedriveOutcome.Redriven, await silo.Admin.RetryDeadLetterAsync(letter.Id));
        Assert.Equal(RedriveOutcome.AlreadyRedriven, await silo.Admin.RetryDeadLetterAsync(letter.Id));

        Assert.True(await shard.HasSeenAsync(poison.MovementId));
        Assert.Equal([(letter.Id, true)], await DeadLetterRowsAsync());
        Assert.Empty(await silo.Admin.ListDeadLettersAsync("poisonable", openOnly: true, 0, 1000));
    }

    private IProjectionCoordinatorGrain Coordinator(ProjectionDefinition definition) =>
        silo.Grains.GetGrain<IProjectionCoordinatorGrain>(definition.Name);

    private async Task<Dictionary<string, ProjectionStatus>> StatusesAsync() =>
        (await silo.Admin.GetStatusesAsync()).ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The activation of every shard of the standard projections (an empty delivery answers with it).</summary>
    private async Task<Dictionary<string, Guid>> ShardActivationsAsync(ReplayedStore replay)
    {
        var shards = replay.Warehouses.Select(w => (StandardProjections.Warehouses, w)).Concat(replay.Skus.Select(StandardProjections.SkuBucketOf).Distinct().Select(b => (StandardProjections.Skus, b)));
        var acks = await Task.WhenAll(shards.Select(async s =>
            (Key: s.Item1.ShardKey(1, s.Item2), Ack: await s.Item1.Shard(silo.Grains, 1, s.Item2).ApplyAsync([]))));
        return acks.ToDictionary(a => a.Key, a => a.Ack.Activation, StringComparer.Ordinal);
    }

    private Dictionary<string, List<string>> CoordinatorStarts() =>
        Standard.ToDictionary(
            d => d.Name,
            d => silo.Logs.Messages.Where(m => m.StartsWith($"Projection {d.Name} coordinator started", StringComparison.Ordinal)).ToList(),
            StringComparer.Ordinal);

    private async Task<List<(long Id, bool Redriven)>> DeadLetterRowsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(silo.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT id, redriven_at IS NOT NULL FROM dead_letters WHERE projection = 'poisonable' ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, bool)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetBoolean(1)));
        }

        return rows;
    }
}
