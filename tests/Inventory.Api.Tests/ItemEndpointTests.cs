using System.Globalization;
using System.Net;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ItemEndpointTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);

    [Fact]
    public async Task GivenItemWithoutHistory_WhenRead_Then404ItemNotFound()
    {
        var response = await _dashboard.GetAsync(TestItem.New().Url);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "item-not-found");
    }

    [Fact]
    public async Task GivenMovements_WhenRead_ThenCurrentStateWithReservations()
    {
        var item = TestItem.New();
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 10));
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "reserve", 3, reservationId: "order-b"));
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "reserve", 2, reservationId: "order-a"));

        var response = await _dashboard.GetAsync(item.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(item.WarehouseId, (string?)body["warehouseId"]);
        Assert.Equal(item.Sku, (string?)body["sku"]);
        Assert.Equal(3, (int)body["version"]!);
        Assert.Equal(10, (long)body["onHand"]!);
        Assert.Equal(5, (long)body["reserved"]!);
        Assert.Equal(5, (long)body["available"]!);
        Assert.Equal(0, (long)body["reorderPoint"]!);
        Assert.Equal("""[{"reservationId":"order-a","quantity":2},{"reservationId":"order-b","quantity":3}]""", body["reservations"]!.ToJsonString());
        Assert.Equal((await fixture.HistoryAsync(item))[^1].RecordedAt, body["lastMovementAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task GivenHistory_WhenReadAtVersion_ThenStateThen()
    {
        var item = TestItem.New();
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 10));
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "pick", 4));

        var first = await (await _dashboard.GetAsync($"{item.Url}?version=1")).ReadObjectAsync();
        var beyond = await _dashboard.GetAsync($"{item.Url}?version=3");

        Assert.Equal(1, (int)first["version"]!);
        Assert.Equal(10, (long)first["onHand"]!);
        await beyond.AssertProblemAsync(HttpStatusCode.NotFound, "item-not-found");
    }

    [Fact]
    public async Task GivenHistory_WhenReadAsOf_ThenStateAtThatTime()
    {
        var item = TestItem.New();
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 10));
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "pick", 4));
        var history = await fixture.HistoryAsync(item);
        string At(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));

        var before = await _dashboard.GetAsync($"{item.Url}?asOf={At(history[0].RecordedAt.AddSeconds(-1))}");
        var atFirst = await (await _dashboard.GetAsync($"{item.Url}?asOf={At(history[0].RecordedAt)}")).ReadObjectAsync();
        var later = await (await _dashboard.GetAsync($"{item.Url}?asOf={At(history[1].RecordedAt.AddMinutes(1))}")).ReadObjectAsync();

        await before.AssertProblemAsync(HttpStatusCode.NotFound, "item-not-found");
        Assert.Equal(1, (int)atFirst["version"]!);
        Assert.Equal(10, (long)atFirst["onHand"]!);
        Assert.Equal(2, (int)later["version"]!);
        Assert.Equal(6, (long)later["onHand"]!);
    }

    [Theory]
    [InlineData("?version=abc", "version")]
    [InlineData("?version=0", "version")]
    [InlineData("?version=-1", "version")]
    [InlineData("?version=99999999999", "version")]
    [InlineData("?asOf=yesterday", "asOf")]
    [InlineData("?version=1&asOf=2026-01-01T00:00:00Z", "version")]
    public async Task GivenBadQuery_WhenRead_Then400WithFieldError(string query, string field)
    {
        var response = await _dashboard.GetAsync(TestItem.New().Url + query);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("/api/v1/items/w%20h/sku-1")]
    [InlineData("/api/v1/items/wh-1/s%2Fku")]
    [InlineData("/api/v1/items/wh-1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task GivenInvalidIdentifiers_WhenRead_Then400(string url)
    {
        var response = await _dashboard.GetAsync(url);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
    }

    [Fact]
    public async Task GivenUnknownRoute_WhenRequested_Then404Problem()
    {
        var response = await _dashboard.GetAsync("/api/v1/nothing-here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
