using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inventory.Api.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Dashboard.BrowserTests;

/// <summary>Transfers on the page: the "Transfers in transit" panel (from GET /in-transit, overdue ones marked and
/// counted) and the item chart's in-transit line (from the item's history and its transfers' histories).</summary>
public sealed partial class DashboardBrowserTests
{
    [Fact]
    public async Task GivenATransfer_WhenPartlyReceived_ThenThePanelAndTheItemChartShowWhatIsStillInTransit()
    {
        var (from, to) = ($"wh-{Guid.NewGuid():N}"[..12], $"wh-{Guid.NewGuid():N}"[..12]);
        var transferId = $"t-{Guid.NewGuid():N}"[..14];
        using var scanner = fixture.Client(TestKeys.Scanner);
        using var dashboard = fixture.Client(TestKeys.Dashboard);
        await PostAsync(scanner, from, "sku-t", "receive", 10);
        await PostAsync(scanner, from, "sku-u", "receive", 5);
        await PostTransferAsync(scanner, "/api/v1/transfers",
            new { transferId, fromWarehouseId = from, toWarehouseId = to, lines = new[] { new { sku = "sku-t", quantity = 6 }, new { sku = "sku-u", quantity = 3 } } });
        var (page, problems) = await OpenAsync();
        await ConnectAsync(page, TestKeys.Dashboard);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var row = page.Locator($"#transit tbody tr[data-transfer='{transferId}']");
        await Expect(row.Locator("td.units")).ToHaveTextAsync("9", Within);
        await Expect(row.Locator("td.route")).ToHaveTextAsync($"{from} → {to}");
        await Expect(row.Locator("td.skus")).ToHaveTextAsync("sku-t 6, sku-u 3");
        await Expect(page.Locator("#overview-transit")).ToContainTextAsync("In transit:");
        await page.GetByRole(AriaRole.Button, new() { Name = from }).ClickAsync();
        await page.Locator("#stock tbody tr[data-sku='sku-t'] th button").ClickAsync();
        var before = await ItemChart.ExpectedAsync(dashboard, from, "sku-t");
        Assert.Equal([0L, 6L], ItemChart.TransitValues(before));
        await AssertItemChartAsync(page, before);
        await ScreenshotAsync(page, "transit");

        await PostTransferAsync(scanner, $"/api/v1/transfers/{transferId}/receive",
            new { receiptId = Guid.NewGuid(), lines = new[] { new { sku = "sku-t", quantity = 4 } } });

        await Expect(row.Locator("td.units")).ToHaveTextAsync("5", Within);
        await Expect(row.Locator("td.skus")).ToHaveTextAsync("sku-t 2, sku-u 3");
        var after = await ItemChart.ExpectedAsync(dashboard, from, "sku-t");
        Assert.Equal([0L, 6L, 2L], ItemChart.TransitValues(after));
        await AssertItemChartAsync(page, after);
        await Expect(page.Locator("#item-transit-note")).ToBeEmptyAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded.");
        Assert.Empty(problems);
        await ScreenshotAsync(page, "transit-received");
    }

    [Fact]
    public async Task GivenAnItemsChartOpen_WhenATransferLeavesIt_IsPartlyReceived_AndCancelled_ThenTheInTransitLineFollowsLive()
    {
        var (from, to) = ($"wh-{Guid.NewGuid():N}"[..12], $"wh-{Guid.NewGuid():N}"[..12]);
        var transferId = $"t-{Guid.NewGuid():N}"[..14];
        using var scanner = fixture.Client(TestKeys.Scanner);
        using var dashboard = fixture.Client(TestKeys.Dashboard);
        await PostAsync(scanner, from, "sku-l", "receive", 10);
        var (page, problems) = await OpenAsync();
        await ConnectAsync(page, TestKeys.Dashboard);
        await page.GetByRole(AriaRole.Button, new() { Name = from }).ClickAsync();
        await page.Locator("#stock tbody tr[data-sku='sku-l'] th button").ClickAsync();
        await AssertItemChartAsync(page, await ItemChart.ExpectedAsync(dashboard, from, "sku-l"));
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await PostTransferAsync(scanner, "/api/v1/transfers",
            new { transferId, fromWarehouseId = from, toWarehouseId = to, lines = new[] { new { sku = "sku-l", quantity = 7 } } });
        var dispatched = await ItemChart.ExpectedAsync(dashboard, from, "sku-l");
        await AssertItemChartAsync(page, dispatched);
        await PostTransferAsync(scanner, $"/api/v1/transfers/{transferId}/receive",
            new { receiptId = Guid.NewGuid(), lines = new[] { new { sku = "sku-l", quantity = 5 } } });
        var received = await ItemChart.ExpectedAsync(dashboard, from, "sku-l");
        await AssertItemChartAsync(page, received);
        await PostTransferAsync(scanner, $"/api/v1/transfers/{transferId}/cancel", new { reason = "test" });
        var cancelled = await ItemChart.ExpectedAsync(dashboard, from, "sku-l");
        await AssertItemChartAsync(page, cancelled);

        Assert.Equal([0L, 7L], ItemChart.TransitValues(dispatched));
        Assert.Equal([0L, 7L, 2L], ItemChart.TransitValues(received));
        Assert.Equal([0L, 7L, 2L, 0L], ItemChart.TransitValues(cancelled));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded.");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task GivenATransferLongerOnTheRoadThanTheLimit_ThenThePanelMarksItOverdue_AndCountsIt()
    {
        var (from, to) = ($"wh-{Guid.NewGuid():N}"[..12], $"wh-{Guid.NewGuid():N}"[..12]);
        var transferId = $"t-{Guid.NewGuid():N}"[..14];
        using var scanner = fixture.Client(TestKeys.Scanner);
        await PostAsync(scanner, from, "sku-o", "receive", 4);
        await PostTransferAsync(scanner, "/api/v1/transfers",
            new { transferId, fromWarehouseId = from, toWarehouseId = to, lines = new[] { new { sku = "sku-o", quantity = 4 } } });
        var (page, problems) = await OpenAsync();

        await ConnectAsync(page, TestKeys.Dashboard);

        var row = page.Locator($"#transit tbody tr[data-transfer='{transferId}']");
        await Expect(row.Locator("td.units")).ToHaveTextAsync("4", Within);
        await Expect(row).ToHaveClassAsync("overdue", new() { Timeout = (float)(BrowserFixture.TransferOverdueAfter.TotalMilliseconds + 15_000) });
        await Expect(row.Locator("td.state")).ToHaveTextAsync("Overdue");
        var counted = int.Parse(await page.Locator("#transit-overdue").TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(counted >= 1, $"{counted} overdue");
        Assert.Equal(counted, await page.Locator("#transit tbody tr.overdue").CountAsync());
        await Expect(page.Locator("#overview-transit")).ToContainTextAsync($"{counted} overdue");
        Assert.Empty(problems);
        await ScreenshotAsync(page, "transit-overdue");
    }

    [Fact]
    public async Task GivenATransferThatCannotBeRead_WhenItsItemIsCharted_ThenTheChartSaysSo_AndDrawsNoInTransitFromItsDispatch()
    {
        var (from, to) = ($"wh-{Guid.NewGuid():N}"[..12], $"wh-{Guid.NewGuid():N}"[..12]);
        var transferId = $"t-{Guid.NewGuid():N}"[..14];
        using var scanner = fixture.Client(TestKeys.Scanner);
        await PostAsync(scanner, from, "sku-x", "receive", 8);
        await PostTransferAsync(scanner, "/api/v1/transfers",
            new { transferId, fromWarehouseId = from, toWarehouseId = to, lines = new[] { new { sku = "sku-x", quantity = 5 } } });
        var (page, problems) = await OpenAsync();
        await page.RouteAsync($"**/api/v1/transfers/{transferId}", route => route.FulfillAsync(new() { Status = 502, Body = "" }));
        await ConnectAsync(page, TestKeys.Dashboard);
        await page.GetByRole(AriaRole.Button, new() { Name = from }).ClickAsync();

        await page.Locator("#stock tbody tr[data-sku='sku-x'] th button").ClickAsync();

        await Expect(page.Locator("#item-transit-note")).ToContainTextAsync($"{transferId} (HTTP 502)", new() { Timeout = 10_000 });
        var drawn = ItemChart.Serialize(await page.EvaluateAsync<System.Text.Json.JsonElement>(ItemChartPoints));
        Assert.Equal([0L, null], ItemChart.TransitValues(drawn));
        Assert.All(problems, p => Assert.Contains("status of 502", p, StringComparison.Ordinal));
    }

    private static async Task PostTransferAsync(HttpClient scanner, string url, object body)
    {
        var response = await scanner.PostAsJsonAsync(url, body);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, reply.ToJsonString());
    }
}
