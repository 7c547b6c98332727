using System.Diagnostics;
using Inventory.Contracts.Projections;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.Projections;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.ReadSide;

/// <summary>With the live stream off, the views get every event through the coordinators' gap-safe catch-up from the
/// PostgreSQL global log alone, while many appends commit concurrently (out of position order).</summary>
[Collection(SiloCollection.Name)]
public sealed class CatchUpOnlyTests(CatchUpOnlySilo silo, ITestOutputHelper output) : IClassFixture<CatchUpOnlySilo>
{
    private const int Scanners = 24;
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan ConvergenceBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenNoLiveStream_WhenManyMovementsCommitConcurrently_ThenCatchUpAloneBringsEveryViewToTheReplay()
    {
        Assert.Null(silo.Services.GetKeyedService<IStreamProvider>(StockEventStream.ProviderName));
        var keys = (from warehouse in new[] { "wh-1", "wh-2", "wh-3", "wh-4" }
                    from sku in Enumerable.Range(0, 10)
                    select $"{warehouse}/sku-{sku}").ToList();
        var load = new MovementLoad(silo.Grains, keys, TimeSpan.FromSeconds(10));

        await load.RunAsync(Scanners, LoadDuration);
        await load.RetryUnansweredAsync(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        var replay = await Convergence.WaitAsync(silo.Views, silo.ConnectionString, ConvergenceBound);

        output.WriteLine($"{load.Answered.Count} movements answered by {Scanners} concurrent scanners in {LoadDuration.TotalSeconds:0} s, " +
            $"{replay.Events} events; views equal to the replay {clock.Elapsed.TotalSeconds:0.00} s after the last answer.");
        Assert.True(replay.Events >= 200, $"Only {replay.Events} events: too few concurrent appends to test catch-up.");
        Assert.All(await silo.Admin.GetStatusesAsync(), s => Assert.Equal((1, 0L), (s.Generation, s.LagEvents)));
    }
}
