using System.Net;
using System.Text.Json.Nodes;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

/// <summary>The views: a warehouse's stock (paged), low stock and recent movements, one SKU across warehouses, the
/// overview; read-your-writes with ?minPosition=; input checks.</summary>
[Collection(ApiCollection.Name)]
public sealed class ViewEndpointTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);

    [Fact]
    public async Task GivenMovements_WhenReadingStockWithMinPosition_ThenItemsTotalsAndReachedHeader()
    {
        var item = TestItem.New();
        await PostAsync(item, "receive", 10);
        await PostAsync(item, "reserve", 3, reservationId: "order-1");
        var position = await SetReorderPointAsync(item, 4);

        var response = await _dashboard.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/stock?minPosition={position}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("X-Min-Position-Reached")));
        var body = await response.ReadObjectAsync();
        Assert.Equal(item.WarehouseId, (string?)body["warehouseId"]);
        var row = Assert.Single(body["items"]!.AsArray())!;
        Assert.Equal(item.Sku, (string?)row["sku"]);
        Assert.Equal((10, 3, 7, 4, 3), ((long)row["onHand"]!, (long)row["reserved"]!, (long)row["available"]!, (int)row["reorderPoint"]!, (int)row["version"]!));
        Assert.Equal(position, (long)row["position"]!);
        Assert.Equal("""{"items":1,"onHand":10,"reserved":3,"available":7,"lowStock":0}""", body["totals"]!.ToJsonString());
        Assert.Null((string?)body["next"]);
    }

    [Fact]
    public async Task GivenThreeSkus_WhenReadingStockTwoAtATime_ThenPagesInSkuOrderWithNextUrl()
    {
        var warehouse = TestItem.New().WarehouseId;
        long position = 0;
        foreach (var sku in new[] { "sku-c", "sku-a", "sku-b" })
        {
            position = await PostAsync(new TestItem(warehouse, sku), "receive", 1);
        }

        var first = await (await _dashboard.GetAsync($"/api/v1/warehouses/{warehouse}/stock?limit=2&minPosition={position}")).ReadObjectAsync();
        var next = (string)first["next"]!;
        var second = await (await _dashboard.GetAsync(next)).ReadObjectAsync();

        Assert.Equal(["sku-a", "sku-b"], Skus(first));
        Assert.Equal($"/api/v1/warehouses/{warehouse}/stock?after=sku-b&limit=2", next);
        Assert.Equal(["sku-c"], Skus(second));
        Assert.Null((string?)second["next"]);
        Assert.Equal(3, (int)second["totals"]!["items"]!);
    }

    [Fact]
    public async Task GivenAvailableBelowReorderPoint_WhenReadingLowStock_ThenOnlyThatSku()
    {
        var low = TestItem.New();
        var fine = low with { Sku = low.Sku + "-ok" };
        await PostAsync(low, "receive", 2);
        await SetReorderPointAsync(low, 5);
        await PostAsync(fine, "receive", 9);
        var position = await SetReorderPointAsync(fine, 5);

        var response = await _dashboard.GetAsync($"/api/v1/warehouses/{low.WarehouseId}/low-stock?minPosition={position}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        var row = Assert.Single(body["items"]!.AsArray())!;
        Assert.Equal((low.Sku, 2L, 5), ((string)row["sku"]!, (long)row["available"]!, (int)row["reorderPoint"]!));
    }

    [Fact]
    public async Task GivenMovements_WhenReadingRecentMovements_ThenNewestFirstWithBalances()
    {
        var item = TestItem.New();
        var received = await PostAsync(item, "receive", 10);
        var picked = await PostAsync(item, "pick", 4);

        var response = await _dashboard.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/movements?minPosition={picked}");

        var movements = (await response.ReadObjectAsync())["movements"]!.AsArray();
        Assert.Equal([picked, received], movements.Select(m => (long)m!["position"]!));
        Assert.Equal(("stock-picked", -4L, 6L, 0L, item.Sku), ((string)movements[0]!["type"]!, (long)movements[0]!["onHandDelta"]!,
            (long)movements[0]!["onHandAfter"]!, (long)movements[0]!["reservedAfter"]!, (string)movements[0]!["sku"]!));
    }

    [Fact]
    public async Task GivenSkuInTwoWarehouses_WhenReadingSkuStock_ThenBothAndTotals()
    {
        var first = TestItem.New();
        var second = first with { WarehouseId = first.WarehouseId + "b" };
        var firstPosition = await PostAsync(first, "receive", 3);
        var position = await PostAsync(second, "receive", 4);

        // minPosition waits for that one event: the two warehouses' events reach the SKU view independently (either
        // may come first), so the first is waited for on its own before the read that checks both.
        var waitedForFirst = await _dashboard.GetAsync($"/api/v1/skus/{first.Sku}/stock?minPosition={firstPosition}");
        Assert.Equal("true", Assert.Single(waitedForFirst.Headers.GetValues("X-Min-Position-Reached")));
        var body = await (await _dashboard.GetAsync($"/api/v1/skus/{first.Sku}/stock?minPosition={position}")).ReadObjectAsync();

        Assert.Equal(first.Sku, (string?)body["sku"]);
        Assert.Equal([first.WarehouseId, second.WarehouseId], body["warehouses"]!.AsArray().Select(w => (string)w!["warehouseId"]!).Order(StringComparer.Ordinal));
        Assert.Equal(7, (long)body["totals"]!["onHand"]!);
    }

    [Fact]
    public async Task GivenMovement_WhenReadingOverview_ThenItsWarehouseIsListedWithTotals()
    {
        var item = TestItem.New();
        var position = await PostAsync(item, "receive", 6);

        var body = await (await _dashboard.GetAsync($"/api/v1/overview?minPosition={position}")).ReadObjectAsync();

        Assert.True((int)body["warehouses"]! >= 1);
        var warehouse = Assert.Single(body["byWarehouse"]!.AsArray(), w => (string?)w!["warehouseId"] == item.WarehouseId)!;
        Assert.Equal(6, (long)warehouse["totals"]!["onHand"]!);
        Assert.Equal(1, (long)warehouse["movements"]!);
        Assert.NotNull(body["movementsPerMinute"]);
    }

    [Fact]
    public async Task GivenPositionNoEventHas_WhenReadingWithMinPosition_Then200AndNotReached()
    {
        var response = await _dashboard.GetAsync($"/api/v1/warehouses/{TestItem.New().WarehouseId}/stock?minPosition={long.MaxValue}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("false", Assert.Single(response.Headers.GetValues("X-Min-Position-Reached")));
        Assert.Empty((await response.ReadObjectAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task GivenNoMinPosition_WhenReading_ThenNoReachedHeader()
    {
        var response = await _dashboard.GetAsync("/api/v1/overview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Min-Position-Reached"));
    }

    [Theory]
    [InlineData("/api/v1/warehouses/bad%20id/stock", "warehouseId")]
    [InlineData("/api/v1/warehouses/wh-1/stock?limit=0", "limit")]
    [InlineData("/api/v1/warehouses/wh-1/stock?limit=1001", "limit")]
    [InlineData("/api/v1/warehouses/wh-1/stock?limit=ten", "limit")]
    [InlineData("/api/v1/warehouses/wh-1/stock?after=a%2Fb", "after")]
    [InlineData("/api/v1/warehouses/wh-1/stock?minPosition=-1", "minPosition")]
    [InlineData("/api/v1/warehouses/wh-1/low-stock?minPosition=x", "minPosition")]
    [InlineData("/api/v1/warehouses/wh%2A/low-stock", "warehouseId")]
    [InlineData("/api/v1/warehouses/wh%2A/movements", "warehouseId")]
    [InlineData("/api/v1/skus/sku%24/stock", "sku")]
    [InlineData("/api/v1/overview?minPosition=0", "minPosition")]
    public async Task GivenBadArgument_WhenReadingView_Then400NamingTheField(string url, string field)
    {
        var response = await _dashboard.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.NotNull(problem["errors"]![field]);
    }

    private static string[] Skus(JsonObject page) => [.. page["items"]!.AsArray().Select(i => (string)i!["sku"]!)];

    private async Task<long> PostAsync(TestItem item, string type, int quantity, string? reservationId = null)
    {
        var response = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, type, quantity, reservationId: reservationId));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (long)(await response.ReadObjectAsync())["position"]!;
    }

    private async Task<long> SetReorderPointAsync(TestItem item, int reorderPoint)
    {
        using var operatorClient = fixture.Client(TestKeys.Operator);
        var response = await operatorClient.PutJsonAsync($"{item.Url}/reorder-point", new { reorderPoint });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (long)(await response.ReadObjectAsync())["position"]!;
    }
}
