using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inventory.Api.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Dashboard.BrowserTests;

/// <summary>The dashboard page in headless Chromium against the API on a real port: a key entered once, movements
/// posted through the API appear on the page without a reload, projection lag shown to operator keys only; the charts
/// and paging in DashboardBrowserTests.Charts.cs.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DashboardBrowserTests(BrowserFixture fixture) : IAsyncLifetime
{
    private static readonly LocatorAssertionsToHaveTextOptions Within = new() { Timeout = 10_000 };

    /// <summary>The browser contexts a test opened: closed after it, so that their live connections do not count against
    /// the key's limit (LiveOptions.MaxConnectionsPerKey) in the tests after it.</summary>
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task GivenDashboardKey_WhenMovementsArePosted_ThenThePageShowsThemLiveWithoutReload()
    {
        var warehouse = $"wh-{Guid.NewGuid():N}"[..12];
        using var scanner = fixture.Client(TestKeys.Scanner);
        await PostAsync(scanner, warehouse, "sku-1", "receive", 5);
        var (page, problems) = await OpenAsync();

        await ConnectAsync(page, TestKeys.Dashboard);
        await page.GetByRole(AriaRole.Button, new() { Name = warehouse }).ClickAsync();
        var stockRow = page.Locator("#stock tbody tr[data-sku='sku-1']");
        await Expect(stockRow.Locator("td.on-hand")).ToHaveTextAsync("5", Within);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var picked = await PostAsync(scanner, warehouse, "sku-1", "pick", 2);
        var received = await PostAsync(scanner, warehouse, "sku-2", "receive", 7);

        var movements = page.Locator("#movements tbody tr");
        await Expect(movements.Filter(new() { HasText = "sku-2" }).Locator("td").Last).ToHaveTextAsync(received.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Within);
        await Expect(movements.First.Locator("td.sku")).ToHaveTextAsync("sku-2", Within);
        await Expect(movements).ToHaveCountAsync(3, new() { Timeout = 10_000 });
        await Expect(stockRow.Locator("td.on-hand")).ToHaveTextAsync("3", Within);
        await Expect(page.Locator("#stock tbody tr[data-sku='sku-2'] td.on-hand")).ToHaveTextAsync("7", Within);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded.");
        Assert.True(picked < received);

        Assert.DoesNotContain(TestKeys.Dashboard, page.Url, StringComparison.Ordinal);
        Assert.Equal(TestKeys.Dashboard, await page.EvaluateAsync<string>("() => sessionStorage.getItem('inventory.apiKey')"));
        await Expect(page.Locator("#projections-section")).ToBeHiddenAsync();
        Assert.Empty(problems);
        await ScreenshotAsync(page, "dashboard-key");
    }

    [Fact]
    public async Task GivenOperatorKey_WhenConnected_ThenProjectionLagIsShown()
    {
        var (page, problems) = await OpenAsync();

        await ConnectAsync(page, TestKeys.Operator);

        var rows = page.Locator("#projections tbody tr");
        await Expect(rows.Filter(new() { HasText = "warehouses" })).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(rows.Filter(new() { HasText = "skus" })).ToHaveCountAsync(1);
        Assert.Empty(problems);
        await ScreenshotAsync(page, "operator-key");
    }

    [Fact]
    public async Task GivenOperatorKey_WhenFollowingTheClusterLink_ThenTheOrleansDashboardLoads_AndWithoutTheSessionItIsRefused()
    {
        var (page, problems) = await OpenAsync();
        await ConnectAsync(page, TestKeys.Operator);
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Cluster dashboard" });
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 10_000 });

        var cluster = await page.Context.RunAndWaitForPageAsync(() => link.ClickAsync());
        var counters = await cluster.WaitForResponseAsync(r => r.Url.EndsWith("/operator/cluster/DashboardCounters", StringComparison.Ordinal), new() { Timeout = 15_000 });
        Assert.Equal(200, counters.Status);
        Assert.Contains("\"totalActiveHostCount\":1", await counters.TextAsync(), StringComparison.Ordinal);
        await Expect(cluster.GetByText("Active Silos").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await ScreenshotAsync(cluster, "cluster-dashboard");

        // Another browser (no session) and the same browser after the key is forgotten are both refused.
        var stranger = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        _contexts.Add(stranger);
        var refused = await (await stranger.NewPageAsync()).GotoAsync("/operator/cluster/");
        Assert.Equal(401, refused!.Status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Forget key" }).ClickAsync();
        await Expect(page.Locator("#key-section")).ToBeVisibleAsync();
        // The page asks the API to end the session without waiting for the answer.
        var status = 0;
        for (var attempt = 0; attempt < 20 && status != 401; attempt++)
        {
            await Task.Delay(attempt * 50);
            status = (await cluster.ReloadAsync())!.Status;
        }

        Assert.Equal(401, status);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task GivenDashboardKey_WhenConnected_ThenNoClusterLink_AndTheClusterDashboardIsRefused()
    {
        var (page, _) = await OpenAsync();
        await ConnectAsync(page, TestKeys.Dashboard);

        await Expect(page.Locator("#cluster-dashboard")).ToBeHiddenAsync();
        var refused = await page.Context.NewPageAsync();
        Assert.Equal(401, (await refused.GotoAsync("/operator/cluster/"))!.Status);
    }

    [Fact]
    public async Task GivenScannerKey_WhenConnecting_ThenTheFormSaysWhyAndStays()
    {
        var (page, _) = await OpenAsync();

        await page.GetByLabel("API key (dashboard or operator)").FillAsync(TestKeys.Scanner);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();

        await Expect(page.Locator("#key-error")).ToContainTextAsync("may not read the dashboard", new() { Timeout = 10_000 });
        await Expect(page.Locator("#board")).ToBeHiddenAsync();
    }

    private async Task<(IPage Page, List<string> Problems)> OpenAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // A dashboard key's probe of the operator endpoint is answered 403 by design (the lag panel stays hidden).
            var expected = message.Text.Contains("status of 403", StringComparison.Ordinal)
                && message.Location.Contains("/api/v1/admin/projections", StringComparison.Ordinal);
            if (message.Type == "error" && !expected)
            {
                problems.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        // Anything the Content-Security-Policy blocks (inline style or script, eval, another origin), e.g. by Chart.js.
        await page.ExposeFunctionAsync("reportCspViolation", (string violation) => problems.Add($"CSP: {violation}"));
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', "
            + "e => window.reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));");
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        return (page, problems);
    }

    /// <summary>With INVENTORY_SCREENSHOTS=&lt;dir&gt;, saves what the page looks like (to look at by hand).</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("INVENTORY_SCREENSHOTS") is { Length: > 0 } directory)
        {
            await page.WaitForTimeoutAsync(500); // The charts' animations (250 ms) settle.
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{name}.png"), FullPage = true });
        }
    }

    private static async Task ConnectAsync(IPage page, string key)
    {
        await page.GetByLabel("API key (dashboard or operator)").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live", Within);
    }

    private static async Task<long> PostAsync(HttpClient scanner, string warehouse, string sku, string type, int quantity)
    {
        var response = await scanner.PostAsJsonAsync("/api/v1/movements", new { movementId = Guid.NewGuid(), warehouseId = warehouse, sku, type, quantity });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (long)body["position"]!;
    }
}
