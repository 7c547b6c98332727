using System.Net;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class MovementEndpointTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);

    [Fact]
    public async Task GivenNewItem_WhenReceiving_Then201WithBalancesAndLocation()
    {
        var item = TestItem.New();
        var id = Guid.NewGuid();

        var response = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 5, id));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(item.Url, response.Headers.Location?.ToString());
        var body = await response.ReadObjectAsync();
        Assert.Equal(id, body["movementId"]!.GetValue<Guid>());
        Assert.Equal(item.WarehouseId, (string?)body["warehouseId"]);
        Assert.Equal(item.Sku, (string?)body["sku"]);
        Assert.Equal(1, (int)body["version"]!);
        Assert.True((long)body["position"]! > 0);
        Assert.Equal(5, (long)body["onHand"]!);
        Assert.Equal(0, (long)body["reserved"]!);
        Assert.Equal(5, (long)body["available"]!);
    }

    [Fact]
    public async Task GivenEveryMovementType_WhenPostedInTurn_ThenEachIsAppliedWithItsMeaning()
    {
        var item = TestItem.New();
        async Task<(long OnHand, long Reserved)> Post(object movement)
        {
            var response = await _scanner.PostJsonAsync("/api/v1/movements", movement);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = await response.ReadObjectAsync();
            return ((long)body["onHand"]!, (long)body["reserved"]!);
        }

        Assert.Equal((10, 0), await Post(Movement(item, "receive", 10)));
        Assert.Equal((10, 4), await Post(Movement(item, "reserve", 4, reservationId: "order-1")));
        Assert.Equal((9, 3), await Post(Movement(item, "pick", 1, reservationId: "order-1")));
        Assert.Equal((9, 0), await Post(Movement(item, "release", reservationId: "order-1")));
        Assert.Equal((8, 0), await Post(Movement(item, "pick", 1)));
        Assert.Equal((6, 0), await Post(Movement(item, "adjust", -2, reason: "damaged")));
        Assert.Equal((7, 0), await Post(Movement(item, "count", 7)));
        Assert.Equal((7, 3), await Post(Movement(item, "reserve", 3, reservationId: "order-2")));
        Assert.Equal((7, 2), await Post(Movement(item, "release", 1, reservationId: "order-2")));

        var history = await fixture.HistoryAsync(item);
        Assert.Equal(
            ["stock-received", "stock-reserved", "stock-picked", "reservation-released", "stock-picked", "stock-adjusted", "stock-counted", "stock-reserved", "reservation-released"],
            history.Select(e => e.Type));
    }

    [Fact]
    public async Task GivenScannerIdAndOccurredAt_WhenPosted_ThenHistoryKeepsThem()
    {
        var item = TestItem.New();
        var occurredAt = new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);
        var body = new Dictionary<string, object?>((IDictionary<string, object?>)Movement(item, "receive", 1))
        {
            ["scannerId"] = "dock-3",
            ["occurredAt"] = occurredAt,
        };

        var response = await _scanner.PostJsonAsync("/api/v1/movements", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = Assert.Single(await fixture.HistoryAsync(item));
        Assert.Equal("dock-3", entry.ScannerId);
        Assert.Equal(occurredAt, entry.OccurredAt);
    }

    [Fact]
    public async Task GivenTooLittleStock_WhenPicking_Then409WithRuleCodeAndNothingWritten()
    {
        var item = TestItem.New();
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 2));

        var response = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "pick", 3));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
        Assert.False(string.IsNullOrEmpty((string?)problem["detail"]));
        Assert.Single(await fixture.HistoryAsync(item));
    }

    [Theory]
    [InlineData("pick", null, "order-9", null, "unknown-reservation")]
    [InlineData("adjust", -5, null, "lost", "below-reserved")]
    [InlineData("count", 0, null, null, "count-below-reserved")]
    [InlineData("reserve", 1, "order-1", null, "reservation-already-open")]
    public async Task GivenOpenReservation_WhenRuleIsBroken_Then409WithRejectionCode(string type, int? quantity, string? reservationId, string? reason, string code)
    {
        var item = TestItem.New();
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 3));
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "reserve", 2, reservationId: "order-1"));

        var response = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, type, quantity ?? 1, reservationId: reservationId, reason: reason));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, code);
        Assert.Equal(2, (await fixture.HistoryAsync(item)).Count);
    }

    [Theory]
    [InlineData("receive", 0, "invalid-quantity")]
    [InlineData("receive", -1, "invalid-quantity")]
    [InlineData("receive", 1_000_001, "invalid-quantity")]
    [InlineData("adjust", 0, "invalid-quantity")]
    [InlineData("count", -1, "invalid-quantity")]
    public async Task GivenQuantityOutOfRange_WhenPosted_Then400WithTheGrainsCodeAndNothingWritten(string type, int quantity, string code)
    {
        var item = TestItem.New();

        var response = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, type, quantity, reason: type == "adjust" ? "x" : null));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Empty(await fixture.HistoryAsync(item));
    }

    [Fact]
    public async Task GivenAppliedMovement_WhenItsIdIsReusedForAnotherMovement_Then409MovementIdReused()
    {
        var item = TestItem.New();
        var id = Guid.NewGuid();
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 5, id));

        var response = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 6, id));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "movement-id-reused");
        Assert.Single(await fixture.HistoryAsync(item));
    }
}
