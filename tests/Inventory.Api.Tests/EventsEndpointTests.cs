using System.Net;
using System.Text.Json.Nodes;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class EventsEndpointTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);

    [Fact]
    public async Task GivenFiveEvents_WhenPagedByTwo_ThenOldestFirstWithNextLinksUntilNull()
    {
        var item = TestItem.New();
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(Guid.NewGuid());
            await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", i, ids[^1]));
        }

        var events = new List<JsonNode>();
        var url = $"{item.Url}/events?limit=2";
        var pages = 0;
        while (url is not null)
        {
            var response = await _dashboard.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadObjectAsync();
            Assert.Equal(item.Sku, (string?)page["sku"]);
            events.AddRange(page["events"]!.AsArray()!.Select(e => e!));
            url = (string?)page["next"];
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal([1, 2, 3, 4, 5], events.Select(e => (int)e["version"]!));
        Assert.Equal(ids, events.Select(e => e["movementId"]!.GetValue<Guid>()));
        var first = events[0].AsObject();
        Assert.Equal("stock-received", (string?)first["type"]);
        Assert.True((long)first["globalPosition"]! > 0);
        Assert.NotEqual(Guid.Empty, first["eventId"]!.GetValue<Guid>());
        Assert.NotNull(first["recordedAt"]);
        Assert.True(first.ContainsKey("occurredAt"));
        Assert.Equal(1, (int)first["data"]!["quantity"]!);
    }

    [Fact]
    public async Task GivenEvents_WhenReadAfterAVersion_ThenOnlyLaterOnes()
    {
        var item = TestItem.New();
        for (var i = 1; i <= 3; i++)
        {
            await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", i));
        }

        var page = await (await _dashboard.GetAsync($"{item.Url}/events?after=2")).ReadObjectAsync();

        Assert.Equal([3], page["events"]!.AsArray().Select(e => (int)e!["version"]!));
        Assert.Null(page["next"]);
    }

    [Fact]
    public async Task GivenNoHistory_WhenRead_ThenEmptyPage()
    {
        var page = await (await _dashboard.GetAsync($"{TestItem.New().Url}/events")).ReadObjectAsync();

        Assert.Empty(page["events"]!.AsArray());
        Assert.Null(page["next"]);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?after=-1", "after")]
    [InlineData("?after=1.5", "after")]
    public async Task GivenBadQuery_WhenRead_Then400(string query, string field)
    {
        var response = await _dashboard.GetAsync($"{TestItem.New().Url}/events{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.NotNull(problem["errors"]![field]);
    }
}
