using System.Net;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AdminAndHealthTests(ApiFixture fixture)
{
    [Fact]
    public async Task GivenRunningCluster_WhenOperatorReadsCluster_ThenActiveSiloWithActivations()
    {
        using var operatorClient = fixture.Client(TestKeys.Operator);
        await fixture.Client(TestKeys.Scanner).PostJsonAsync("/api/v1/movements", Http.Movement(TestItem.New(), "receive", 1));

        var response = await operatorClient.GetAsync("/api/v1/admin/cluster");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        var silo = Assert.Single(body["silos"]!.AsArray());
        Assert.Equal("Active", (string?)silo!["status"]);
        Assert.True((int)silo["activations"]! > 0);
        Assert.Equal(1, (int)body["activeSilos"]!);
        Assert.True((int)body["totalActivations"]! > 0);
        Assert.Contains(body["grainTypes"]!.AsArray(), g => ((string?)g!["grainType"])!.Contains("StockItemGrain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenNoKey_WhenProbingLiveness_Then200()
    {
        var response = await fixture.Client(null).GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("live", (string?)(await response.ReadObjectAsync())["status"]);
    }

    [Fact]
    public async Task GivenReachableClusterAndStorage_WhenProbingReadiness_Then200WithBothChecks()
    {
        var response = await fixture.Client(null).GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("ready", (string?)body["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["cluster"]!["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["storage"]!["status"]);
    }

    [Fact]
    public async Task GivenNoKey_WhenReadingOpenApi_ThenDocumentWithEndpointsAndKeyScheme()
    {
        var response = await fixture.Client(null).GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var path in new[] { "/api/v1/movements", "/api/v1/movements/batch", "/api/v1/items/{warehouseId}/{sku}", "/api/v1/items/{warehouseId}/{sku}/events", "/api/v1/items/{warehouseId}/{sku}/reorder-point", "/api/v1/admin/cluster",
            "/api/v1/warehouses/{warehouseId}/stock", "/api/v1/warehouses/{warehouseId}/low-stock", "/api/v1/warehouses/{warehouseId}/movements",
            "/api/v1/skus/{sku}/stock", "/api/v1/overview", "/api/v1/live", "/api/v1/admin/projections", "/api/v1/admin/projections/{name}/rebuild",
            "/api/v1/admin/dead-letters", "/api/v1/admin/dead-letters/{id}/retry" })
        {
            Assert.Contains($"\"{path}\"", text, StringComparison.Ordinal);
        }

        Assert.Contains("X-Api-Key", text, StringComparison.Ordinal);
        Assert.Contains("MovementRequest", text, StringComparison.Ordinal);
        Assert.Contains("WarehouseStockResponse", text, StringComparison.Ordinal);
        Assert.Contains("WarehouseStockAsOfResponse", text, StringComparison.Ordinal);
        Assert.Contains("SkuStockAsOfResponse", text, StringComparison.Ordinal);
        Assert.Contains("text/csv", text, StringComparison.Ordinal);
        Assert.Contains("ProjectionStatusResponse", text, StringComparison.Ordinal);
        Assert.Contains("text/event-stream", text, StringComparison.Ordinal);
        Assert.Contains("minPosition", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenNoKey_WhenOpeningApiReference_ThenPageAndScriptServedLocally()
    {
        using var client = fixture.Client(null);

        var page = await client.GetAsync("/docs/");
        var html = await page.Content.ReadAsStringAsync();
        var script = await client.GetAsync("/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("src=\"scalar.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}
