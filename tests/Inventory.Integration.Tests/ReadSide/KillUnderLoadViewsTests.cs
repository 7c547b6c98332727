using System.Diagnostics;
using Inventory.Contracts.Projections;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.Projections;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.ReadSide;

/// <summary>
/// Scanners send movements to 30 items in 3 warehouses on two silo processes on PostgreSQL; one silo is killed with
/// SIGKILL in the middle of the load, which goes on for a while. Afterwards every view (warehouse stock, SKU stock,
/// recent movements, overview) equals what a fresh replay of the event store gives, exactly; the time it took is
/// measured from the kill and from the surviving silo taking over, and printed.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class KillUnderLoadViewsTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const int Scanners = 12;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryBound = TimeSpan.FromSeconds(60);

    /// <summary>The target is 5 s after the survivor took over; the assertion leaves room for a slow CI machine.</summary>
    private static readonly TimeSpan ConvergenceBound = TimeSpan.FromSeconds(30);

    private readonly SiloCluster _cluster = new(database, output, "read-side-kill");

    [Fact]
    public async Task GivenMovementsUnderLoad_WhenASiloIsKilled_ThenEveryViewConvergesToTheReplayOfTheEventStore()
    {
        await _cluster.StartSilosAsync(2);
        var grains = await _cluster.StartClientAsync();
        var keys = (from warehouse in new[] { "wh-north", "wh-south", "wh-east" }
                    from sku in Enumerable.Range(0, 10)
                    select $"{warehouse}/sku-{sku:00}").ToList();
        var load = new MovementLoad(grains, keys, CallTimeout);

        var running = load.RunAsync(Scanners, LoadBeforeKill + LoadAfterKill);
        await Task.Delay(LoadBeforeKill);
        var answeredBeforeKill = load.Answered.Count;
        _cluster.Silos[0].Kill();
        var killedAt = load.Clock.Elapsed;
        await running;
        var loadEndedAt = load.Clock.Elapsed;
        await load.RetryUnansweredAsync(RetryBound);
        var retriedAt = load.Clock.Elapsed;

        var replay = await Convergence.WaitAsync(grains.GetGrain<IViewsGrain>(0), database.ConnectionString, ConvergenceBound);
        var convergedAt = load.Clock.Elapsed;

        var afterKill = load.Attempts.Where(a => a.Started >= killedAt).ToList();
        var firstAnswer = afterKill.Where(a => a.Ok).Select(a => a.Ended).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var takeover = TakeoverAt(load.Attempts.ToList(), killedAt);
        output.WriteLine($"{answeredBeforeKill} movements answered before the SIGKILL of {_cluster.Silos[0].Name}, {load.Answered.Count} in all; " +
            $"{load.Attempts.Count(a => !a.Ok)} attempts unanswered and retried; {replay.Events} events in the store.");
        output.WriteLine($"After the kill: first answer {Seconds(firstAnswer - killedAt)}, surviving silo took over (first answer from an item " +
            $"that had failed after the kill) {Seconds(takeover - killedAt)}, load ended {Seconds(loadEndedAt - killedAt)}, " +
            $"retries done {Seconds(retriedAt - killedAt)}.");
        output.WriteLine($"Views equal to the replay: {Seconds(convergedAt - killedAt)} after the kill, {Seconds(convergedAt - takeover)} after " +
            $"the takeover, {Seconds(convergedAt - retriedAt)} after the last movement was answered.");

        Assert.True(load.Answered.Count > answeredBeforeKill, "Nothing was answered after the kill.");
        Assert.True(load.Attempts.Any(a => !a.Ok && a.Ended > killedAt), "No movement failed after the kill: the kill did not hit the load.");
        Assert.True(convergedAt - takeover <= ConvergenceBound, $"Converged {Seconds(convergedAt - takeover)} after the takeover.");
        var statuses = await grains.GetGrain<IProjectionAdminGrain>(0).GetStatusesAsync().WaitAsync(CallTimeout);
        Assert.All(statuses, s => Assert.Equal((1, 0L), (s.Generation, s.DeadLetters)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    /// <summary>The first answer, after the kill, from an item whose movement had failed after the kill: its grain
    /// was on the killed silo (or cut off by it) and now answers from the survivor.</summary>
    private static TimeSpan TakeoverAt(List<Attempt> attempts, TimeSpan killedAt)
    {
        var firstFailure = attempts.Where(a => !a.Ok && a.Ended > killedAt)
            .GroupBy(a => a.Key)
            .ToDictionary(g => g.Key, g => g.Min(a => a.Ended));
        return attempts.Where(a => a.Ok && firstFailure.TryGetValue(a.Key, out var failed) && a.Started >= failed)
            .Select(a => a.Ended)
            .DefaultIfEmpty(TimeSpan.MaxValue)
            .Min();
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.00} s";
}
