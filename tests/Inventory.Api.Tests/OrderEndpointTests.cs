using System.Net;
using System.Text;
using Inventory.Testing;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

/// <summary><c>/api/v1/orders</c> end to end through the API and the test cluster: what is held, picked and released,
/// what is refused, and that a refused or repeated request writes nothing more.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrderEndpointTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);
    private readonly HttpClient _operator = fixture.Client(TestKeys.Operator);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);
    private readonly string _warehouse = "wh-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _orderId = "o-" + Guid.NewGuid().ToString("N")[..12];

    private string Url => $"/api/v1/orders/{_orderId}";

    [Fact]
    public async Task GivenStock_WhenReservedPickedInPartsAndRead_ThenTheOrderIsFulfilledAndTheItemsShowIt()
    {
        await ReceiveAsync("sku-1", 10);
        await ReceiveAsync("sku-2", 10);

        var created = await _scanner.PostJsonAsync($"{Url}/reservations", Reservation(("sku-1", 6), ("sku-2", 4)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Url, created.Headers.Location?.ToString());
        var body = await created.ReadObjectAsync();
        Assert.Equal(("reserved", _warehouse), ((string?)body["status"], (string?)body["warehouseId"]));
        Assert.Equal(6, (long)body["lines"]![0]!["held"]!);
        Assert.Equal((10, 6), (await ItemAsync("sku-1", "onHand"), await ItemAsync("sku-1", "reserved")));

        var partial = await _scanner.PostJsonAsync($"{Url}/pick", Pick(Guid.NewGuid(), ("sku-1", 2)));
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var line = (await partial.ReadObjectAsync())["lines"]![0]!;
        Assert.Equal((6, 2, 4), ((long)line["reserved"]!, (long)line["picked"]!, (long)line["held"]!));
        var rest = await _operator.PostJsonAsync($"{Url}/pick", new { pickId = Guid.NewGuid() });
        Assert.Equal("fulfilled", (string?)(await rest.ReadObjectAsync())["status"]);

        var read = await _dashboard.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var order = await read.ReadObjectAsync();
        Assert.Equal(
            ["order-requested", "order-line-reserved", "order-line-reserved", "order-pick-accepted", "order-line-picked",
             "order-pick-accepted", "order-line-picked", "order-line-picked", "order-fulfilled"],
            order["history"]!.AsArray().Select(e => (string?)e!["type"]));
        Assert.Equal(6, (int)order["history"]![0]!["data"]!["lines"]![0]!["quantity"]!);
        Assert.Equal((4, 0, 6, 0), (await ItemAsync("sku-1", "onHand"), await ItemAsync("sku-1", "reserved"), await ItemAsync("sku-2", "onHand"), await ItemAsync("sku-2", "reserved")));
        var late = await _scanner.PostAsync($"{Url}/release", null);
        await late.AssertProblemAsync(HttpStatusCode.Conflict, "order-fulfilled");
    }

    [Fact]
    public async Task GivenTheSameReservationPostedAgain_Then200WithTheOrderAndNothingIsHeldTwice()
    {
        await ReceiveAsync("sku-1", 10);
        await _scanner.PostJsonAsync($"{Url}/reservations", Reservation(("sku-1", 6)));

        var again = await _scanner.PostJsonAsync($"{Url}/reservations", Reservation(("sku-1", 6)));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((bool)(await again.ReadObjectAsync())["duplicate"]!);
        Assert.Equal(6, await ItemAsync("sku-1", "reserved"));
        var reused = await _scanner.PostJsonAsync($"{Url}/reservations", Reservation(("sku-1", 5)));
        await reused.AssertProblemAsync(HttpStatusCode.Conflict, "order-id-reused");
    }

    [Fact]
    public async Task GivenTooLittleStockOnOneLine_WhenReserved_Then409NamesTheLineAndNothingIsHeldOrWritten()
    {
        await ReceiveAsync("sku-1", 10);
        await ReceiveAsync("sku-2", 1);

        var response = await _scanner.PostJsonAsync($"{Url}/reservations", Reservation(("sku-1", 6), ("sku-2", 2)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "order-reservation-failed");
        Assert.Equal(("sku-2", "insufficient-stock"), ((string?)problem["failedLine"]!["sku"], (string?)problem["failedLine"]!["code"]));
        Assert.Null(problem["order"]);
        Assert.Equal((0, 0), (await ItemAsync("sku-1", "reserved"), await ItemAsync("sku-2", "reserved")));
        Assert.Empty(await fixture.Store.ReadStreamAsync($"order:{_orderId}", 0, 10));
        await (await _dashboard.GetAsync(Url)).AssertProblemAsync(HttpStatusCode.NotFound, "order-not-found");
    }

    [Fact]
    public async Task GivenAReservedOrder_WhenPickingMoreThanALineHolds_Then409OverPickAndNothingIsPicked()
    {
        await ReceiveAsync("sku-1", 10);
        await _scanner.PostJsonAsync($"{Url}/reservations", Reservation(("sku-1", 6)));

        var response = await _scanner.PostJsonAsync($"{Url}/pick", Pick(Guid.NewGuid(), ("sku-1", 7)));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "over-pick");
        Assert.Equal(10, await ItemAsync("sku-1", "onHand"));
        var notOnOrder = await _scanner.PostJsonAsync($"{Url}/pick", Pick(Guid.NewGuid(), ("sku-9", 1)));
        await notOnOrder.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-order");
    }

    [Fact]
    public async Task GivenAPartialPick_WhenReleasedWithoutABody_ThenTheRestGoesBackAndAPickIsRefused()
    {
        await ReceiveAsync("sku-1", 10);
        await _scanner.PostJsonAsync($"{Url}/reservations", Reservation(("sku-1", 6)));
        var pickId = Guid.NewGuid();
        await _scanner.PostJsonAsync($"{Url}/pick", Pick(pickId, ("sku-1", 2)));
        var retried = await _scanner.PostJsonAsync($"{Url}/pick", Pick(pickId, ("sku-1", 2)));
        Assert.True((bool)(await retried.ReadObjectAsync())["duplicate"]!);

        var released = await _scanner.PostAsync($"{Url}/release", null);

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var body = await released.ReadObjectAsync();
        Assert.Equal("released", (string?)body["status"]);
        Assert.Equal((2, 4, 0), ((long)body["lines"]![0]!["picked"]!, (long)body["lines"]![0]!["released"]!, (long)body["lines"]![0]!["held"]!));
        Assert.Equal((8, 0), (await ItemAsync("sku-1", "onHand"), await ItemAsync("sku-1", "reserved")));
        var again = await _scanner.PostJsonAsync($"{Url}/release", new { reason = "again" });
        Assert.True((bool)(await again.ReadObjectAsync())["duplicate"]!);
        var late = await _scanner.PostJsonAsync($"{Url}/pick", new { pickId = Guid.NewGuid() });
        await late.AssertProblemAsync(HttpStatusCode.Conflict, "order-not-reserved");
    }

    [Fact]
    public async Task GivenALineReleasedAtTheItemDirectly_WhenPicked_Then409NamesTheLineAndTheOrderShowsItReleasedOutside()
    {
        await ReceiveAsync("sku-1", 10);
        await ReceiveAsync("sku-2", 10);
        await _scanner.PostJsonAsync($"{Url}/reservations", Reservation(("sku-1", 6), ("sku-2", 4)));
        var direct = await _scanner.PostJsonAsync("/api/v1/movements",
            new { movementId = Guid.NewGuid(), warehouseId = _warehouse, sku = "sku-1", type = "release", reservationId = $"o.{_orderId}" });
        Assert.Equal(HttpStatusCode.Created, direct.StatusCode);

        var response = await _scanner.PostJsonAsync($"{Url}/pick", new { pickId = Guid.NewGuid() });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "order-pick-failed");
        Assert.Equal(("sku-1", "unknown-reservation"), ((string?)problem["failedLine"]!["sku"], (string?)problem["failedLine"]!["code"]));
        Assert.Equal("released", (string?)problem["order"]!["status"]);
        Assert.Equal((6, 0), ((long)problem["order"]!["lines"]![0]!["releasedOutside"]!, (long)problem["order"]!["lines"]![0]!["held"]!));
        Assert.Equal((10, 6), (await ItemAsync("sku-1", "onHand"), await ItemAsync("sku-2", "onHand")));
    }

    [Fact]
    public async Task GivenTheOrdersStreamUnreachable_WhenReserved_Then503AndTheSameRequestLaterReservesOnce()
    {
        await ReceiveAsync("sku-1", 10);
        var stream = $"order:{_orderId}";
        fixture.Store.Inject(stream, FaultInjectingEventStore.Fault.Unreachable);
        HttpResponseMessage response;
        try
        {
            response = await _scanner.PostJsonAsync($"{Url}/reservations", Reservation(("sku-1", 6)));
        }
        finally
        {
            fixture.Store.Heal(stream);
        }

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        var retry = await _scanner.PostJsonAsync($"{Url}/reservations", Reservation(("sku-1", 6)));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(6, await ItemAsync("sku-1", "reserved"));
    }

    [Fact]
    public async Task GivenNoSuchOrder_WhenReadPickedOrReleased_Then404()
    {
        await (await _dashboard.GetAsync(Url)).AssertProblemAsync(HttpStatusCode.NotFound, "order-not-found");
        await (await _scanner.PostJsonAsync($"{Url}/pick", new { pickId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.NotFound, "order-not-found");
        await (await _scanner.PostJsonAsync($"{Url}/release", new { reason = "typo" })).AssertProblemAsync(HttpStatusCode.NotFound, "order-not-found");
    }

    public static TheoryData<string, string, string> InvalidRequests => new()
    {
        { "o-1/reservations", """{"warehouseId":"a b","lines":[{"sku":"s","quantity":1}]}""", "warehouseId" },
        { "o-1/reservations", """{"warehouseId":"a","lines":[]}""", "lines" },
        { "o-1/reservations", """{"warehouseId":"a","lines":[{"sku":"s","quantity":0}]}""", "lines[0].quantity" },
        { "o-1/reservations", """{"warehouseId":"a","lines":[{"sku":"s","quantity":1},{"sku":"s","quantity":2}]}""", "lines[1].sku" },
        { "o-1/reservations", """{"warehouseId":"a","lines":[null]}""", "lines[0]" },
        { new string('o', 63) + "/reservations", """{"warehouseId":"a","lines":[{"sku":"s","quantity":1}]}""", "orderId" },
        { "o-1/pick", """{"pickId":"00000000-0000-0000-0000-000000000000"}""", "pickId" },
        { "o-1/pick", """{"pickId":"6d1f8a52-4c4e-4a51-9f51-3d5b7f0a9c11","lines":[]}""", "lines" },
        { "o-1/release", """{"reason":"REASON"}""".Replace("REASON", new string('r', 201), StringComparison.Ordinal), "reason" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task GivenAMalformedRequest_WhenPosted_Then400NamesTheFieldAndNothingIsWritten(string path, string json, string field)
    {
        var response = await _scanner.SendRawAsync(HttpMethod.Post, $"/api/v1/orders/{path}", Encoding.UTF8.GetBytes(json));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty(await fixture.Store.ReadStreamAsync("order:o-1", 0, 10));
    }

    [Fact]
    public async Task GivenAPickWithoutItsId_WhenPosted_Then400()
    {
        var response = await _scanner.PostJsonAsync($"{Url}/pick", new { lines = new[] { new { sku = "sku-1", quantity = 1 } } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
    }

    private object Reservation(params (string Sku, int Quantity)[] lines) =>
        new { warehouseId = _warehouse, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray() };

    private static object Pick(Guid pickId, params (string Sku, int Quantity)[] lines) =>
        new { pickId, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray() };

    private async Task ReceiveAsync(string sku, int quantity)
    {
        var response = await _scanner.PostJsonAsync("/api/v1/movements", new { movementId = Guid.NewGuid(), warehouseId = _warehouse, sku, type = "receive", quantity });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<long> ItemAsync(string sku, string field)
    {
        var response = await _dashboard.GetAsync($"/api/v1/items/{_warehouse}/{sku}");
        return response.StatusCode == HttpStatusCode.NotFound ? 0 : (long)(await response.ReadObjectAsync())[field]!;
    }
}
