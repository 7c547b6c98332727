using Inventory.Contracts.StockItems;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.Silo.Management;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Telemetry;

/// <summary>A silo process on PostgreSQL serves its management port: readiness, the Orleans Dashboard, and metrics in which
/// the project's meters move with the movements it applies, with Orleans' and Npgsql's beside them.</summary>
[Collection(SiloCollection.Name)]
public sealed class SiloManagementPortTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly SiloCluster _cluster = new(database, output, "silo-management");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task GivenASiloOnPostgres_WhenItAppliesMovements_ThenItsScrapeEndpointCountsThem()
    {
        await _cluster.StartSilosAsync(1);
        var grains = await _cluster.StartClientAsync();
        var management = _cluster.Silos[0].ManagementAddress;
        var metrics = new Uri(management, "/metrics");
        var before = SiloMetrics.AppliedMovements(await _http.GetStringAsync(metrics));

        for (var i = 0; i < 3; i++)
        {
            var result = await grains.GetGrain<IStockItemGrain>("wh-metrics/sku-1").ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 2 });
            Assert.True(result.Accepted);
        }

        // The exporter collects on each scrape; the counter is cumulative.
        string text = "";
        await Wait.UntilAsync(async () => SiloMetrics.AppliedMovements(text = await _http.GetStringAsync(metrics)) >= before + 3, TimeSpan.FromSeconds(10),
            "the scrape counts the three applied movements");
        Assert.Contains("inventory_append_duration_milliseconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("inventory_eventstore_batch_requests", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.Contains("db_client_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAnActiveSiloOnPostgres_WhenProbed_ThenReadyItsProbeSaysSoAndItServesTheOrleansDashboard()
    {
        await _cluster.StartSilosAsync(1);
        var management = _cluster.Silos[0].ManagementAddress;

        var ready = "";
        await Wait.UntilAsync(async () =>
        {
            using var response = await _http.GetAsync(new Uri(management, "/health/ready"));
            ready = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "the silo's /health/ready answers 200");
        var dashboard = await _http.GetAsync(new Uri(management, "/dashboard"));

        Assert.Contains("\"status\":\"ready\"", ready, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL answers.", ready, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Orleans", await dashboard.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await Probe.RunAsync(new Uri(management, "/health/ready").ToString()));
        Assert.Equal(1, await Probe.RunAsync(new Uri(management, "/no-such-endpoint").ToString()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cluster.DisposeAsync();
    }
}
