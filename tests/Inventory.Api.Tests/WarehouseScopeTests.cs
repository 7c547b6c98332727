using System.Net;

namespace Inventory.Api.Tests;

/// <summary>A key that names its warehouses writes only there: movements (one by one and in a batch), transfers at
/// both ends and orders outside them are 403 <c>forbidden-warehouse</c> and write nothing; reads stay open.</summary>
[Collection(ApiCollection.Name)]
public sealed class WarehouseScopeTests(ApiFixture fixture)
{
    private const string Allowed = TestKeys.ScopedWarehouse;
    private readonly HttpClient _scoped = fixture.Client(TestKeys.ScopedScanner);
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);
    private readonly string _sku = "sku-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _elsewhere = "wh-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task GivenAScopedKey_WhenPostingAMovementOutsideItsWarehouses_Then403AndNothingIsWritten_AndInsideItIsApplied()
    {
        var inside = await _scoped.PostJsonAsync("/api/v1/movements", Receive(Allowed, 5));
        var outside = await _scoped.PostJsonAsync("/api/v1/movements", Receive(_elsewhere, 5));

        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        await outside.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        Assert.Empty(await fixture.Store.ReadStreamAsync($"{_elsewhere}/{_sku}", 0, 10));
    }

    [Fact]
    public async Task GivenAScopedKey_WhenABatchMixesWarehouses_ThenEachMovementIsAnsweredOnItsOwn()
    {
        var response = await _scoped.PostJsonAsync("/api/v1/movements/batch", new
        {
            movements = new[] { Receive(Allowed, 1), Receive(_elsewhere, 1), Receive(Allowed, 2) },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.ReadObjectAsync())["results"]!.AsArray();
        Assert.Equal([201, 403, 201], results.Select(r => (int)r!["status"]!));
        Assert.Equal("forbidden-warehouse", (string?)results[1]!["problem"]!["code"]);
        Assert.Empty(await fixture.Store.ReadStreamAsync($"{_elsewhere}/{_sku}", 0, 10));
        Assert.Equal(2, (await fixture.Store.ReadStreamAsync($"{Allowed}/{_sku}", 0, 10)).Count);
    }

    [Fact]
    public async Task GivenAScopedKey_ThenItStartsAndCancelsTransfersFromItsWarehouseOnly_AndCannotReceiveElsewhere()
    {
        await _scanner.PostJsonAsync("/api/v1/movements", Receive(Allowed, 10));
        await _scanner.PostJsonAsync("/api/v1/movements", Receive(_elsewhere, 10));
        var inbound = "t-" + Guid.NewGuid().ToString("N")[..12];
        var outbound = "t-" + Guid.NewGuid().ToString("N")[..12];

        var fromElsewhere = await _scoped.PostJsonAsync("/api/v1/transfers", Transfer(inbound, _elsewhere, Allowed));
        var fromAllowed = await _scoped.PostJsonAsync("/api/v1/transfers", Transfer(outbound, Allowed, _elsewhere));
        var receiveElsewhere = await _scoped.PostJsonAsync($"/api/v1/transfers/{outbound}/receive", new { receiptId = Guid.NewGuid(), lines = new[] { new { sku = _sku, quantity = 1 } } });
        var cancel = await _scoped.PostAsync($"/api/v1/transfers/{outbound}/cancel", null);

        await fromElsewhere.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        await (await _dashboard.GetAsync($"/api/v1/transfers/{inbound}")).AssertProblemAsync(HttpStatusCode.NotFound, "transfer-not-found");
        Assert.Equal(HttpStatusCode.Created, fromAllowed.StatusCode);
        await receiveElsewhere.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Single(await fixture.Store.ReadStreamAsync($"{_elsewhere}/{_sku}", 0, 10));
    }

    [Fact]
    public async Task GivenAScopedKey_ThenItCannotReserveOrPickAnOrderElsewhere()
    {
        await _scanner.PostJsonAsync("/api/v1/movements", Receive(_elsewhere, 10));
        var orderId = "o-" + Guid.NewGuid().ToString("N")[..12];
        var order = new { warehouseId = _elsewhere, lines = new[] { new { sku = _sku, quantity = 2 } } };

        var refused = await _scoped.PostJsonAsync($"/api/v1/orders/{orderId}/reservations", order);
        var reserved = await _scanner.PostJsonAsync($"/api/v1/orders/{orderId}/reservations", order);
        var pick = await _scoped.PostJsonAsync($"/api/v1/orders/{orderId}/pick", new { pickId = Guid.NewGuid() });
        var release = await _scoped.PostAsync($"/api/v1/orders/{orderId}/release", null);

        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        await pick.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        await release.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-warehouse");
        var item = await (await _dashboard.GetAsync($"/api/v1/items/{_elsewhere}/{_sku}")).ReadObjectAsync();
        Assert.Equal((10, 2), ((long)item["onHand"]!, (long)item["reserved"]!));
    }

    private object Receive(string warehouseId, int quantity) =>
        new { movementId = Guid.NewGuid(), warehouseId, sku = _sku, type = "receive", quantity };

    private object Transfer(string transferId, string from, string to) =>
        new { transferId, fromWarehouseId = from, toWarehouseId = to, lines = new[] { new { sku = _sku, quantity = 3 } } };
}
