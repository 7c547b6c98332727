using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Api.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Dashboard.BrowserTests;

/// <summary>The charts (Chart.js, read back with <c>Chart.getChart(canvas)</c>) draw exactly what the API returned, and
/// update live; recent movements are shown a page at a time.</summary>
public sealed partial class DashboardBrowserTests
{
    private const string ItemChartPoints =
        "() => { const c = Chart.getChart(document.getElementById('item-chart')); " +
        "return c ? c.data.datasets.map(d => ({ label: d.label, points: d.data.map(p => [p.x, p.y]) })) : []; }";

    private const string MinuteChartLine =
        "(warehouse) => { const c = Chart.getChart(document.getElementById('minute-chart')); " +
        "const d = c && c.data.datasets.find(s => s.label === warehouse); return d ? d.data : []; }";

    [Fact]
    public async Task GivenAnItemsMovements_WhenItsSkuIsChosen_ThenTheChartDrawsItsHistory_AndAddsLiveMovements()
    {
        var warehouse = $"wh-{Guid.NewGuid():N}"[..12];
        using var scanner = fixture.Client(TestKeys.Scanner);
        using var dashboard = fixture.Client(TestKeys.Dashboard);
        await PostMovementAsync(scanner, new { warehouseId = warehouse, sku = "sku-c", type = "receive", quantity = 10 });
        await PostMovementAsync(scanner, new { warehouseId = warehouse, sku = "sku-c", type = "reserve", quantity = 4, reservationId = "order-1" });
        await PostMovementAsync(scanner, new { warehouseId = warehouse, sku = "sku-c", type = "pick", quantity = 4, reservationId = "order-1" });
        await PostMovementAsync(scanner, new { warehouseId = warehouse, sku = "sku-c", type = "receive", quantity = 3 });
        var (page, problems) = await OpenAsync();
        await ConnectAsync(page, TestKeys.Dashboard);
        await page.GetByRole(AriaRole.Button, new() { Name = warehouse }).ClickAsync();

        await page.Locator("#stock tbody tr[data-sku='sku-c'] th button").ClickAsync();

        await Expect(page.Locator("#item-sku")).ToHaveTextAsync("sku-c");
        await AssertItemChartAsync(page, await ItemHistoryAsync(dashboard, warehouse, "sku-c", 4));
        await ScreenshotAsync(page, "charts");

        await PostMovementAsync(scanner, new { warehouseId = warehouse, sku = "sku-c", type = "pick", quantity = 5 });
        await PostMovementAsync(scanner, new { warehouseId = warehouse, sku = "sku-other", type = "receive", quantity = 1 });

        await AssertItemChartAsync(page, await ItemHistoryAsync(dashboard, warehouse, "sku-c", 5));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task GivenThePageOpen_WhenMovementsArePosted_ThenTheMinuteChartCountsThemLive()
    {
        var warehouse = $"wh-{Guid.NewGuid():N}"[..12];
        using var scanner = fixture.Client(TestKeys.Scanner);
        var (page, problems) = await OpenAsync();
        await ConnectAsync(page, TestKeys.Dashboard);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        for (var i = 0; i < 3; i++)
        {
            await PostMovementAsync(scanner, new { warehouseId = warehouse, sku = $"sku-{i}", type = "receive", quantity = 1 });
        }

        var line = await MinuteLineAsync(page, warehouse, 3);
        Assert.Equal(60, line.Length);
        Assert.All(line[..^2], count => Assert.Equal(0, count)); // Posted now: in this minute, or the last if it just turned.

        await PostMovementAsync(scanner, new { warehouseId = warehouse, sku = "sku-0", type = "pick", quantity = 1 });
        await PostMovementAsync(scanner, new { warehouseId = warehouse, sku = "sku-1", type = "pick", quantity = 1 });

        Assert.Equal(5, (await MinuteLineAsync(page, warehouse, 5)).Sum());
        await ScreenshotAsync(page, "minute-chart");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded.");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task GivenMoreMovementsThanAPage_WhenPaging_ThenTenAPageNewestFirst()
    {
        var warehouse = $"wh-{Guid.NewGuid():N}"[..12];
        using var scanner = fixture.Client(TestKeys.Scanner);
        var positions = new List<long>();
        for (var i = 0; i < 23; i++)
        {
            positions.Add(await PostMovementAsync(scanner, new { warehouseId = warehouse, sku = $"sku-{i % 4}", type = "receive", quantity = i + 1 }));
        }

        var newestFirst = positions.OrderDescending().Select(p => p.ToString("N0", CultureInfo.InvariantCulture)).ToList();
        var (page, problems) = await OpenAsync();
        await ConnectAsync(page, TestKeys.Dashboard);
        await page.GetByRole(AriaRole.Button, new() { Name = warehouse }).ClickAsync();
        var pageText = page.Locator("#movements-page");
        var newer = page.GetByRole(AriaRole.Button, new() { Name = "Newer" });
        var older = page.GetByRole(AriaRole.Button, new() { Name = "Older" });

        await Expect(pageText).ToHaveTextAsync("1–10 of the latest 23 · page 1 of 3", Within);
        Assert.Equal(newestFirst[..10], await PositionsShownAsync(page));
        await Expect(newer).ToBeDisabledAsync();

        await older.ClickAsync();
        await Expect(pageText).ToHaveTextAsync("11–20 of the latest 23 · page 2 of 3");
        Assert.Equal(newestFirst[10..20], await PositionsShownAsync(page));

        await older.ClickAsync();
        await Expect(pageText).ToHaveTextAsync("21–23 of the latest 23 · page 3 of 3");
        Assert.Equal(newestFirst[20..], await PositionsShownAsync(page));
        await Expect(older).ToBeDisabledAsync();

        await newer.ClickAsync();
        await newer.ClickAsync();
        await Expect(pageText).ToHaveTextAsync("1–10 of the latest 23 · page 1 of 3");
        Assert.Equal(newestFirst[..10], await PositionsShownAsync(page));
        Assert.Empty(problems);
    }

    /// <summary>The item's history from the API as the chart should draw it (<see cref="ItemChart"/>), after checking that
    /// it has <paramref name="expected"/> events.</summary>
    private static async Task<string> ItemHistoryAsync(HttpClient dashboard, string warehouse, string sku, int expected)
    {
        var body = await dashboard.GetFromJsonAsync<JsonObject>($"/api/v1/items/{warehouse}/{sku}/events");
        Assert.Equal(expected, body!["events"]!.AsArray().Count);
        Assert.Null(body["next"]);
        return await ItemChart.ExpectedAsync(dashboard, warehouse, sku);
    }

    /// <summary>Waits until the item chart draws <paramref name="expected"/> (serialized like <see cref="ItemChart"/>);
    /// asserts it does within 10 s.</summary>
    private static async Task AssertItemChartAsync(IPage page, string expected)
    {
        var drawn = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && drawn != expected; await Task.Delay(100))
        {
            drawn = ItemChart.Serialize(await page.EvaluateAsync<JsonElement>(ItemChartPoints));
        }

        Assert.Equal(expected, drawn);
    }

    /// <summary>The minute chart's line of <paramref name="warehouse"/> once it counts <paramref name="movements"/>.</summary>
    private static async Task<int[]> MinuteLineAsync(IPage page, string warehouse, int movements)
    {
        await page.WaitForFunctionAsync(
            $"(w) => ({MinuteChartLine})(w).reduce((a, b) => a + b, 0) === {movements}", warehouse, new() { Timeout = 10_000 });
        return await page.EvaluateAsync<int[]>(MinuteChartLine, warehouse);
    }

    private static async Task<List<string>> PositionsShownAsync(IPage page) =>
        [.. await page.Locator("#movements tbody tr td:last-child").AllTextContentsAsync()];

    private static async Task<long> PostMovementAsync(HttpClient scanner, object movement)
    {
        var body = JsonSerializer.SerializeToNode(movement)!.AsObject();
        body["movementId"] = Guid.NewGuid();
        var response = await scanner.PostAsJsonAsync("/api/v1/movements", body);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, reply.ToJsonString());
        return (long)reply["position"]!;
    }
}
