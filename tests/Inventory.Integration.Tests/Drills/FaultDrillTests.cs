using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Drills;

/// <summary>
/// Fault drills on the system as deployed (silo processes and the API process on PostgreSQL, scanners over HTTP that
/// retry as the contract tells them): a dependency fails under load, and afterwards nothing acknowledged is lost or
/// applied twice, items equal the fold of their history, views equal the items, and no answer was a 500
/// (<see cref="DrillAudit"/>).
/// </summary>
[Collection(FaultDrillCollection.Name)]
public sealed class FaultDrillTests(DrillPostgres postgres, ITestOutputHelper output)
{
    private const int Scanners = 8;
    private const int Items = 12;
    private static readonly TimeSpan LoadBefore = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoadAfter = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenScannersUnderLoad_WhenPostgresIsStoppedAndStartedAgain_ThenNothingIsLostAndEveryAnswerIsActionable()
    {
        await RunAsync("postgres-stopped", silos: 1, allowNoAnswer: false, async (system, clock) =>
        {
            await postgres.StopAsync();
            var stopped = clock.Elapsed;
            await WaitStatusAsync(new Uri(system.Api.BaseAddress, "/health/ready"), HttpStatusCode.ServiceUnavailable, "the API is not ready while PostgreSQL is down");
            await WaitStatusAsync(new Uri(system.Silos[0].ManagementAddress, "/health/ready"), HttpStatusCode.ServiceUnavailable, "the silo is not ready while PostgreSQL is down");
            await Task.Delay(TimeSpan.FromSeconds(6) - (clock.Elapsed - stopped));
            await postgres.StartAsync();
            var ready = await WaitStatusAsync(new Uri(system.Api.BaseAddress, "/health/ready"), HttpStatusCode.OK, "the API is ready again");
            output.WriteLine($"PostgreSQL down for {(clock.Elapsed - stopped - ready).TotalSeconds:0.0} s; the API ready again {ready.TotalSeconds:0.0} s after it started");
        }, expectDisruption: "storage-unavailable");
    }

    [Fact]
    public async Task GivenScannersUnderLoad_WhenPostgresFreezes_ThenCallsTimeOutInto503sAndNothingIsLost()
    {
        var report = await RunAsync("postgres-frozen", silos: 1, allowNoAnswer: false, async (system, clock) =>
        {
            postgres.Freeze();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(7));
            }
            finally
            {
                postgres.Thaw();
            }
        }, expectDisruption: "storage-unavailable");
        Assert.True(report.SlowestAnswer < TimeSpan.FromSeconds(10), $"An answer took {report.SlowestAnswer.TotalSeconds:0.0} s: calls must time out (commit timeout 5 s, API response timeout 8 s).");
    }

    [Fact]
    public async Task GivenScannersUnderLoad_WhenEveryBackendIsTerminated_ThenNothingIsLostAndEveryAnswerIsActionable()
    {
        await RunAsync("backends-terminated", silos: 1, allowNoAnswer: false, async (system, _) =>
        {
            for (var round = 0; round < 3; round++)
            {
                output.WriteLine($"pg_terminate_backend: {await postgres.TerminateBackendsAsync(system.ConnectionString)} backends");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }, expectDisruption: null);
    }

    [Fact]
    public async Task GivenScannersUnderLoadOnTwoSilos_WhenOneIsKilled_ThenCallsAreDisruptedThenRecoverWithNothingLost()
    {
        await RunAsync("silo-sigkill", silos: 2, allowNoAnswer: false, async (system, _) =>
        {
            var silo = await system.BusiestSiloAsync();
            silo.Kill();
            output.WriteLine($"{silo.Name} (hosting most of the items) killed");
        }, expectDisruption: "cluster-unavailable", loadAfter: TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task GivenScannersUnderLoadOnTwoSilos_WhenOneStopsGracefully_ThenNoRequestFails()
    {
        var report = await RunAsync("silo-sigterm", silos: 2, allowNoAnswer: false, async (system, _) =>
        {
            var silo = await system.BusiestSiloAsync();
            var exited = await silo.TerminateAsync(RecoveryBound);
            Assert.True(exited.HasValue, $"{silo.Name} did not exit within {RecoveryBound.TotalSeconds:0} s of SIGTERM");
            output.WriteLine($"{silo.Name} (hosting most of the items) left the cluster and exited {exited.Value.TotalSeconds:0.0} s after SIGTERM");
        }, expectDisruption: null);
        Assert.Null(report.Disruption);
    }

    [Fact]
    public async Task GivenScannersUnderLoad_WhenTheApiIsRestarted_ThenTheirRetriesSucceedAndNoneIsAppliedTwice()
    {
        await RunAsync("api-restarted", silos: 1, allowNoAnswer: true, async (system, _) =>
        {
            var restarted = await system.RestartApiAsync();
            output.WriteLine($"API killed and ready again on port {system.Api.Port} after {restarted.TotalSeconds:0.0} s");
        }, expectDisruption: "no answer");
    }

    /// <summary>Starts the system, runs the fleet, applies <paramref name="fault"/> after <see cref="LoadBefore"/>,
    /// keeps the load <paramref name="loadAfter"/> (default <see cref="LoadAfter"/>) longer, then audits. <paramref name="expectDisruption"/>: an answer the fault
    /// must have caused (a problem code, or "no answer"), to show the drill really disrupted the system.</summary>
    private async Task<DrillReport> RunAsync(string drill, int silos, bool allowNoAnswer, Func<DrillSystem, Stopwatch, Task> fault,
        string? expectDisruption, TimeSpan? loadAfter = null)
    {
        await using var system = await DrillSystem.StartAsync(postgres, output, silos);
        var warehouse = $"wh-{drill}";
        var clock = Stopwatch.StartNew();
        var fleet = new ScannerFleet(system.Scanner, warehouse, Items, clock);
        fleet.Start(Scanners);
        await Task.Delay(LoadBefore);
        var faultAt = clock.Elapsed;
        await fault(system, clock);
        var faultOver = clock.Elapsed;
        await Task.Delay(loadAfter ?? LoadAfter);
        await fleet.StopAsync(SettleBound);
        output.WriteLine($"fault from {faultAt.TotalSeconds:0.0} s to {faultOver.TotalSeconds:0.0} s; load stopped at {clock.Elapsed.TotalSeconds:0.0} s");

        var report = await DrillAudit.VerifyAsync(drill, system, fleet, warehouse, allowNoAnswer, faultOver);
        output.WriteLine(report.ToString());
        if (expectDisruption is not null)
        {
            Assert.Contains(fleet.Answers, a => (a.Status == Answer.NoAnswer ? "no answer" : a.Code) == expectDisruption);
        }

        Assert.Contains(fleet.Answers, a => a.IsSuccess && a.At > faultOver);
        return report;
    }

    private static Task<TimeSpan> WaitStatusAsync(Uri url, HttpStatusCode status, string what) =>
        Infrastructure.Wait.UntilAsync(async () => await DrillSystem.StatusOfAsync(url) == status, RecoveryBound, what);
}
