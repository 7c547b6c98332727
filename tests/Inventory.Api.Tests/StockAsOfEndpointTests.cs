using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

/// <summary>Stock as of an instant, from the ledger: a warehouse's (paged, with totals) and a SKU's across warehouses;
/// input checks.</summary>
[Collection(ApiCollection.Name)]
public sealed class StockAsOfEndpointTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);

    [Fact]
    public async Task GivenMovementsBeforeAndAfterAnInstant_WhenReadingStockAsOfIt_ThenTheBalancesThenAndTheirTotals()
    {
        var item = TestItem.New();
        var later = item with { Sku = item.Sku + "-later" };
        await PostAsync(item, "receive", 10);
        var reserved = await PostAsync(item, "reserve", 3, reservationId: "order-1");
        var asOf = await InstantAsync();
        await PostAsync(item, "receive", 5);
        await PostAsync(later, "receive", 1);

        var response = await _dashboard.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/stock?asOf={Query(asOf)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(item.WarehouseId, (string?)body["warehouseId"]);
        Assert.Equal(Micro(asOf), (DateTimeOffset)body["asOf"]!);
        var row = Assert.Single(body["items"]!.AsArray())!;
        Assert.Equal((item.Sku, 10L, 3L, 7L, 2, reserved), ((string)row["sku"]!, (long)row["onHand"]!, (long)row["reserved"]!, (long)row["available"]!, (int)row["version"]!, (long)row["position"]!));
        Assert.Null(row["reorderPoint"]);
        Assert.Equal("""{"items":1,"onHand":10,"reserved":3,"available":7}""", body["totals"]!.ToJsonString());
        Assert.Null((string?)body["next"]);
    }

    [Fact]
    public async Task GivenThreeSkus_WhenReadingStockAsOfTwoAtATime_ThenPagesWithTheInstantInTheNextUrlAndWholeTotals()
    {
        var warehouse = TestItem.New().WarehouseId;
        foreach (var sku in new[] { "sku-c", "sku-a", "sku-b" })
        {
            await PostAsync(new TestItem(warehouse, sku), "receive", 2);
        }

        var asOf = await InstantAsync();

        var first = await (await _dashboard.GetAsync($"/api/v1/warehouses/{warehouse}/stock?asOf={Query(asOf)}&limit=2")).ReadObjectAsync();
        var next = (string)first["next"]!;
        var second = await (await _dashboard.GetAsync(next)).ReadObjectAsync();

        Assert.Equal(["sku-a", "sku-b"], Skus(first));
        Assert.Equal($"/api/v1/warehouses/{warehouse}/stock?asOf={Micro(asOf).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'}&after=sku-b&limit=2", next);
        Assert.Equal(["sku-c"], Skus(second));
        Assert.Null((string?)second["next"]);
        Assert.Equal("""{"items":3,"onHand":6,"reserved":0,"available":6}""", first["totals"]!.ToJsonString());
        Assert.Equal(first["totals"]!.ToJsonString(), second["totals"]!.ToJsonString());
    }

    [Fact]
    public async Task GivenASkuInTwoWarehousesAndAThirdLater_WhenReadingTheSkuAsOf_ThenTheTwoAndTheirTotals()
    {
        var first = TestItem.New();
        var second = first with { WarehouseId = first.WarehouseId + "-2" };
        var third = first with { WarehouseId = first.WarehouseId + "-3" };
        await PostAsync(first, "receive", 4);
        await PostAsync(second, "receive", 6);
        await PostAsync(second, "reserve", 1, reservationId: "r-1");
        var asOf = await InstantAsync();
        await PostAsync(third, "receive", 8);

        var body = await (await _dashboard.GetAsync($"/api/v1/skus/{first.Sku}/stock?asOf={Query(asOf)}")).ReadObjectAsync();

        Assert.Equal(first.Sku, (string?)body["sku"]);
        Assert.Equal(
            [(first.WarehouseId, 4L, 0L), (second.WarehouseId, 6L, 1L)],
            body["warehouses"]!.AsArray().Select(w => ((string)w!["warehouseId"]!, (long)w["onHand"]!, (long)w["reserved"]!)));
        Assert.Equal("""{"items":2,"onHand":10,"reserved":1,"available":9}""", body["totals"]!.ToJsonString());
    }

    [Fact]
    public async Task GivenAnInstantBeforeAnyMovement_WhenReadingStockAsOfIt_ThenNoItemsAndZeroTotals()
    {
        var item = TestItem.New();
        var asOf = await InstantAsync();
        await PostAsync(item, "receive", 1);

        var body = await (await _dashboard.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/stock?asOf={Query(asOf)}")).ReadObjectAsync();

        Assert.Empty(body["items"]!.AsArray());
        Assert.Equal("""{"items":0,"onHand":0,"reserved":0,"available":0}""", body["totals"]!.ToJsonString());
    }

    [Fact]
    public async Task GivenADateOrAnOffset_WhenReadingStockAsOf_ThenTheSameInstantInUtc()
    {
        var item = TestItem.New();

        var date = await (await _dashboard.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/stock?asOf=2026-03-01")).ReadObjectAsync();
        var offset = await (await _dashboard.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/stock?asOf=2026-03-01T01:30:00%2B01:30")).ReadObjectAsync();

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), (DateTimeOffset)date["asOf"]!);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), (DateTimeOffset)offset["asOf"]!);
    }

    [Theory]
    [InlineData("/api/v1/warehouses/wh-1/stock?asOf=yesterday", "asOf")]
    [InlineData("/api/v1/warehouses/wh-1/stock?asOf=2026-13-01", "asOf")]
    [InlineData("/api/v1/warehouses/wh-1/stock?asOf=2026-03-01T10:00:00", "asOf")]
    [InlineData("/api/v1/warehouses/wh-1/stock?asOf=2026-03-01T10:00:00+01:00", "asOf")]
    [InlineData("/api/v1/warehouses/wh-1/stock?asOf=03%2F01%2F2026", "asOf")]
    [InlineData("/api/v1/warehouses/wh-1/stock?asOf=", "asOf")]
    [InlineData("/api/v1/warehouses/wh-1/stock?asOf=2999-01-01T00:00:00Z", "asOf")]
    [InlineData("/api/v1/warehouses/wh-1/stock?asOf=2026-03-01&minPosition=5", "minPosition")]
    [InlineData("/api/v1/warehouses/wh-1/stock?asOf=2026-03-01&limit=0", "limit")]
    [InlineData("/api/v1/warehouses/wh%2A/stock?asOf=2026-03-01", "warehouseId")]
    [InlineData("/api/v1/skus/sku-1/stock?asOf=2026-02-30", "asOf")]
    [InlineData("/api/v1/skus/sku-1/stock?asOf=2999-01-01", "asOf")]
    [InlineData("/api/v1/skus/sku-1/stock?asOf=2026-03-01&minPosition=1", "minPosition")]
    [InlineData("/api/v1/skus/sku%24/stock?asOf=2026-03-01", "sku")]
    public async Task GivenBadArgument_WhenReadingStockAsOf_Then400NamingTheField(string url, string field)
    {
        var response = await _dashboard.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.NotNull(problem["errors"]![field]);
    }

    /// <summary>An instant after every movement posted so far and before any posted later (to the microsecond).</summary>
    internal static async Task<DateTimeOffset> InstantAsync()
    {
        await Task.Delay(5);
        var instant = DateTimeOffset.UtcNow;
        await Task.Delay(5);
        return instant;
    }

    internal static string Query(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));

    private static DateTimeOffset Micro(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % 10));

    private static string[] Skus(JsonObject page) => [.. page["items"]!.AsArray().Select(i => (string)i!["sku"]!)];

    private async Task<long> PostAsync(TestItem item, string type, int quantity, string? reservationId = null)
    {
        var response = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, type, quantity, reservationId: reservationId));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (long)(await response.ReadObjectAsync())["position"]!;
    }
}
