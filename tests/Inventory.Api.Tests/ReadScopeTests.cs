using System.Net;
using Inventory.Api.Hosting;
using Inventory.Api.Security;

namespace Inventory.Api.Tests;

/// <summary>A key with <c>ScopeReads</c> reads only its warehouses: their views, items and live feed; other
/// warehouses' and every cross-warehouse view (overview, a SKU everywhere, all transit, the unfiltered live feed) are
/// 403 <c>forbidden-warehouse</c>. Keys without it read everything.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadScopeTests(ApiFixture fixture)
{
    private readonly HttpClient _readScoped = fixture.Client(TestKeys.ReadScopedDashboard);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);
    private readonly string _elsewhere = $"wh-{Guid.NewGuid():N}"[..11];
    private readonly string _sku = $"sku-{Guid.NewGuid():N}"[..12];

    public static TheoryData<string> OwnWarehouseReads() =>
    [
        "/api/v1/warehouses/{w}/stock",
        "/api/v1/warehouses/{w}/stock?format=csv",
        "/api/v1/warehouses/{w}/low-stock",
        "/api/v1/warehouses/{w}/movements",
        "/api/v1/warehouses/{w}/in-transit",
        "/api/v1/items/{w}/{sku}/events",
    ];

    public static TheoryData<string> CrossWarehouseReads() =>
    [
        "/api/v1/overview",
        "/api/v1/skus/{sku}/stock",
        "/api/v1/skus/{sku}/stock?asOf=2026-03-01",
        "/api/v1/in-transit",
    ];

    [Theory]
    [MemberData(nameof(OwnWarehouseReads))]
    public async Task GivenAReadScopedKey_WhenReadingItsWarehouse_ThenAnswered_AndAnotherWarehouse_Then403(string template)
    {
        var own = await _readScoped.GetAsync(Url(template, TestKeys.ScopedWarehouse));
        var other = await _readScoped.GetAsync(Url(template, _elsewhere));
        var unscoped = await _dashboard.GetAsync(Url(template, _elsewhere));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var problem = await other.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        Assert.Contains(_elsewhere, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unscoped.StatusCode);
    }

    [Fact]
    public async Task GivenAReadScopedKey_WhenReadingAnItemElsewhere_Then403_AndItsOwnItem_ThenTheItem()
    {
        await fixture.Client(TestKeys.Scanner).PostJsonAsync("/api/v1/movements", Http.Movement(new TestItem(_elsewhere, _sku), "receive", 3));
        await fixture.Client(TestKeys.Scanner).PostJsonAsync("/api/v1/movements", Http.Movement(new TestItem(TestKeys.ScopedWarehouse, _sku), "receive", 4));

        var other = await _readScoped.GetAsync($"/api/v1/items/{_elsewhere}/{_sku}");
        var own = await _readScoped.GetAsync($"/api/v1/items/{TestKeys.ScopedWarehouse}/{_sku}");

        await other.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(4, (long)(await own.ReadObjectAsync())["onHand"]!);
    }

    [Theory]
    [MemberData(nameof(CrossWarehouseReads))]
    public async Task GivenAReadScopedKey_WhenReadingAcrossWarehouses_Then403_AndWithoutReadScope_ThenAnswered(string template)
    {
        var scoped = await _readScoped.GetAsync(Url(template, _elsewhere));
        var unscoped = await _dashboard.GetAsync(Url(template, _elsewhere));

        await scoped.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        Assert.Equal(HttpStatusCode.OK, unscoped.StatusCode);
    }

    [Fact]
    public async Task GivenAReadScopedKey_WhenFollowingTheLiveFeed_ThenOnlyItsWarehousesFeedOpens()
    {
        using var all = await Live(null);
        using var other = await Live(_elsewhere);
        using var own = await Live(TestKeys.ScopedWarehouse);

        await all.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        await other.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public void GivenScopeReadsWithoutWarehouses_WhenValidated_ThenRefused()
    {
        var options = new InventoryApiOptions
        {
            Keys = [new ApiKeyOptions { Name = "d", Role = ApiRoles.Dashboard, Sha256 = TestKeys.Sha256("d"), ScopeReads = true }],
        };

        var result = new ApiKeyOptionsValidator(ApiMode.Embedded).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Inventory:Api:Keys:0:ScopeReads needs Warehouses", StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> Live(string? warehouseId)
    {
        var url = warehouseId is null ? "/api/v1/live" : $"/api/v1/live?warehouseId={warehouseId}";
        return await _readScoped.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead);
    }

    private string Url(string template, string warehouseId) => template.Replace("{w}", warehouseId, StringComparison.Ordinal).Replace("{sku}", _sku, StringComparison.Ordinal);
}
