using System.Globalization;
using System.Text.RegularExpressions;
using Inventory.Contracts.StockItems;
using Inventory.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Telemetry;

/// <summary>A silo process on PostgreSQL exports its metrics on its management port: the project's meters move with the
/// movements it applies, and Orleans' and Npgsql's are there beside them.</summary>
[Collection(SiloCollection.Name)]
public sealed partial class SiloMetricsTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly SiloCluster _cluster = new(database, output, "silo-metrics");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task GivenASiloOnPostgres_WhenItAppliesMovements_ThenItsScrapeEndpointCountsThem()
    {
        await _cluster.StartSilosAsync(1);
        var grains = await _cluster.StartClientAsync();
        var metrics = new Uri($"http://127.0.0.1:{_cluster.Silos[0].ManagementPort}/metrics");
        var before = AppliedMovements(await _http.GetStringAsync(metrics));

        for (var i = 0; i < 3; i++)
        {
            var result = await grains.GetGrain<IStockItemGrain>("wh-metrics/sku-1").ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 2 });
            Assert.True(result.Accepted);
        }

        // The exporter collects on each scrape; the counter is cumulative.
        string text = "";
        await Wait.UntilAsync(async () => AppliedMovements(text = await _http.GetStringAsync(metrics)) >= before + 3, TimeSpan.FromSeconds(10),
            "the scrape counts the three applied movements");
        Assert.Contains("inventory_append_duration_milliseconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("inventory_eventstore_batch_requests", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.Contains("db_client_", text, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cluster.DisposeAsync();
    }

    /// <summary>The value of <c>inventory_movements_total{outcome="applied"}</c> (0 before the first).</summary>
    private static double AppliedMovements(string text) =>
        AppliedLine().Matches(text).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Sum();

    [GeneratedRegex(@"^inventory_movements_total\{[^}]*outcome=""applied""[^}]*\} (\S+)", RegexOptions.Multiline)]
    private static partial Regex AppliedLine();
}
