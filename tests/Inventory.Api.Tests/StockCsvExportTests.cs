using System.Net;
using System.Net.Http.Headers;
using Inventory.Api.Endpoints;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

/// <summary>A warehouse's stock as a CSV download (Accept: text/csv or ?format=csv), live and as of an instant: every SKU,
/// not one page.</summary>
[Collection(ApiCollection.Name)]
public sealed class StockCsvExportTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);

    [Fact]
    public async Task GivenMoreSkusThanAPage_WhenExportingStockAsOfAsCsv_ThenEverySkuInOrderAfterAHeaderAsAnAttachment()
    {
        var warehouse = TestItem.New().WarehouseId;
        var skus = Enumerable.Range(0, StockExport.PageSize + 5).Select(i => $"sku-{i:D5}").ToArray();
        foreach (var chunk in skus.Chunk(500))
        {
            var batch = await _scanner.PostJsonAsync("/api/v1/movements/batch",
                new { movements = chunk.Select(sku => Movement(new TestItem(warehouse, sku), "receive", 3)).ToArray() });
            Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        }

        var asOf = await StockAsOfEndpointTests.InstantAsync();
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(new TestItem(warehouse, "sku-later"), "receive", 1));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/warehouses/{warehouse}/stock?asOf={StockAsOfEndpointTests.Query(asOf)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await _dashboard.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{warehouse}-stock-as-of-{asOf.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal(StockCsv.AsOfHeader, lines[0]);
        Assert.Equal("", lines[^1]);
        var rows = lines[1..^1].Select(l => l.Split(',')).ToArray();
        Assert.Equal(skus, rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(["3", "0", "3", "1"], r[1..5]));
    }

    [Fact]
    public async Task GivenMovements_WhenExportingTheLiveStockWithFormatCsv_ThenEverySkuWithItsLiveNumbers()
    {
        var item = TestItem.New();
        var other = item with { Sku = "a-" + item.Sku };
        await PostAsync(item, "receive", 10);
        await PostAsync(item, "reserve", 4, reservationId: "order-1");
        var position = await PostAsync(other, "receive", 2);

        var response = await _dashboard.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/stock?format=csv&minPosition={position}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{item.WarehouseId}-stock.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal(StockCsv.LiveHeader, lines[0]);
        Assert.Equal(["sku,onHand,reserved,available,reorderPoint,version", $"{other.Sku},2,0,2,0,1", $"{item.Sku},10,4,6,0,2", ""], lines.Select(l => string.Join(',', l.Split(',').Take(6))));
    }

    [Fact]
    public async Task GivenAcceptPreferringJson_WhenReadingStock_ThenJson()
    {
        var item = TestItem.New();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/warehouses/{item.WarehouseId}/stock");
        request.Headers.Accept.ParseAdd("text/csv;q=0.5, application/json");

        var response = await _dashboard.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/warehouses/wh-1/stock?format=xml", "format")]
    [InlineData("/api/v1/warehouses/wh-1/stock?format=CSV", "format")]
    [InlineData("/api/v1/warehouses/wh-1/stock?format=csv&limit=10", "limit")]
    [InlineData("/api/v1/warehouses/wh-1/stock?format=csv&asOf=2026-03-01&limit=10", "limit")]
    [InlineData("/api/v1/warehouses/wh-1/stock?format=csv&asOf=tomorrow", "asOf")]
    public async Task GivenBadArgument_WhenExporting_Then400NamingTheField(string url, string field)
    {
        var response = await _dashboard.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("sku-1", "sku-1")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    public void GivenAValue_WhenWrittenAsACsvField_ThenQuotedOnlyWhenItMustBe(string value, string field) =>
        Assert.Equal(field, StockCsv.Field(value));

    private async Task<long> PostAsync(TestItem item, string type, int quantity, string? reservationId = null)
    {
        var response = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, type, quantity, reservationId: reservationId));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (long)(await response.ReadObjectAsync())["position"]!;
    }
}
