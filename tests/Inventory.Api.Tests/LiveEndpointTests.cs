using System.Net;
using System.Text.Json.Nodes;
using Inventory.Api.Live;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

/// <summary><c>GET /api/v1/live</c>: server-sent events of the movements the views apply, filtered by warehouse, in
/// position order, with heartbeats, a bound on connections per key, and a clean end when the client goes away.</summary>
[Collection(ApiCollection.Name)]
public sealed class LiveEndpointTests(ApiFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);

    [Fact]
    public async Task GivenLiveConnection_WhenMovementPosted_ThenMovementEventWithPositionAsId()
    {
        var item = TestItem.New();
        await using var live = await OpenAsync(fixture.Client(TestKeys.Dashboard), $"/api/v1/live?warehouseId={item.WarehouseId}");
        Assert.Equal("text/event-stream", live.Response.Content.Headers.ContentType?.MediaType);
        await live.NextNamedAsync("ready", Bound);

        var reply = await (await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 7))).ReadObjectAsync();
        var movement = await live.NextNamedAsync("movement", Bound);

        var data = JsonNode.Parse(movement.Data!)!;
        Assert.Equal(reply["position"]!.ToJsonString(), movement.Id);
        Assert.Equal((item.WarehouseId, item.Sku, "stock-received", 7L, 7L), ((string)data["warehouseId"]!, (string)data["sku"]!,
            (string)data["type"]!, (long)data["onHandDelta"]!, (long)data["onHandAfter"]!));
        Assert.Equal((string)reply["movementId"]!, (string)data["movementId"]!);
    }

    [Fact]
    public async Task GivenFilteredConnection_WhenMovementsInTwoWarehouses_ThenOnlyItsWarehouseInPositionOrder()
    {
        var item = TestItem.New();
        var other = TestItem.New();
        await using var live = await OpenAsync(fixture.Client(TestKeys.Dashboard), $"/api/v1/live?warehouseId={item.WarehouseId}");
        await live.NextNamedAsync("ready", Bound);

        await _scanner.PostJsonAsync("/api/v1/movements", Movement(other, "receive", 1));
        var batch = await (await _scanner.PostJsonAsync("/api/v1/movements/batch", new
        {
            movements = new[] { Movement(item, "receive", 5), Movement(item, "pick", 1), Movement(item, "pick", 2) },
        })).ReadObjectAsync();
        var positions = batch["results"]!.AsArray().Select(r => (long)r!["movement"]!["position"]!).ToList();

        var received = new List<long>();
        while (received.Count < 3)
        {
            var movement = await live.NextNamedAsync("movement", Bound);
            Assert.Equal(item.WarehouseId, (string?)JsonNode.Parse(movement.Data!)!["warehouseId"]);
            received.Add(long.Parse(movement.Id!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(positions.Order(), received);
    }

    [Fact]
    public async Task GivenUnfilteredConnection_WhenMovementInNewWarehouse_ThenItArrives()
    {
        var item = TestItem.New();
        await using var live = await OpenAsync(fixture.Client(TestKeys.Operator), "/api/v1/live");
        await live.NextNamedAsync("ready", Bound);

        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 3));

        var movement = await live.NextNamedAsync("movement", Bound, e => e.Data!.Contains(item.WarehouseId, StringComparison.Ordinal));
        Assert.Equal(item.Sku, (string?)JsonNode.Parse(movement.Data!)!["sku"]);
    }

    [Fact]
    public async Task GivenQuietFeed_WhenHeartbeatIntervalPasses_ThenCommentLine()
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Inventory:Api:Live:HeartbeatInterval", "00:00:00.200"));
        await using var live = await OpenAsync(factory.WithKey(TestKeys.Dashboard), $"/api/v1/live?warehouseId={TestItem.New().WarehouseId}");
        await live.NextNamedAsync("ready", Bound);

        var next = await live.NextAsync(Bound);

        Assert.Equal("heartbeat", next!.Comment);
        Assert.Null(next.Event);
    }

    [Fact]
    public async Task GivenMaxConnectionsOpen_WhenOneMore_Then429AndClosingOneFreesAPlace()
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Inventory:Api:Live:MaxConnectionsPerKey", "2"));
        var first = await OpenAsync(factory.WithKey(TestKeys.Dashboard), "/api/v1/live");
        await using var second = await OpenAsync(factory.WithKey(TestKeys.Dashboard), "/api/v1/live");
        await using var operatorLive = await OpenAsync(factory.WithKey(TestKeys.Operator), "/api/v1/live");

        var third = await factory.WithKey(TestKeys.Dashboard).GetAsync("/api/v1/live");
        await third.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too-many-live-connections");

        await first.DisposeAsync();
        var limiter = factory.Services.GetRequiredService<LiveConnectionLimiter>();
        await EventuallyAsync(() => limiter.OpenFor("dashboard-1") == 1);
        await using var again = await OpenAsync(factory.WithKey(TestKeys.Dashboard), "/api/v1/live");
    }

    [Fact]
    public async Task GivenLiveConnection_WhenClientGoesAway_ThenSubscriptionAndLeaseAreReleased()
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(_ => { });
        var hub = factory.Services.GetRequiredService<LiveMovementsHub>();
        var limiter = factory.Services.GetRequiredService<LiveConnectionLimiter>();
        var live = await OpenAsync(factory.WithKey(TestKeys.Dashboard), "/api/v1/live");
        await live.NextNamedAsync("ready", Bound);
        Assert.Equal(1, hub.Count);

        await live.DisposeAsync();

        await EventuallyAsync(() => hub.Count == 0 && limiter.OpenFor("dashboard-1") == 0);
    }

    [Fact]
    public async Task GivenBadWarehouseId_WhenOpeningLive_Then400()
    {
        var response = await fixture.Client(TestKeys.Dashboard).GetAsync("/api/v1/live?warehouseId=no%20spaces");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.NotNull(problem["errors"]!["warehouseId"]);
    }

    private static async Task<SseStream> OpenAsync(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return new SseStream(response);
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not reached within {Bound}.");
            await Task.Delay(20);
        }
    }
}
