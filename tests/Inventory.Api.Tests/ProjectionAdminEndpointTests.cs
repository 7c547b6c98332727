using System.Net;
using System.Text.Json.Nodes;
using Inventory.Testing.Projections;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

/// <summary>The operators' read-side endpoints: lag figures, rebuild, dead letters and their re-drive.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProjectionAdminEndpointTests(ApiFixture fixture)
{
    private readonly HttpClient _operator = fixture.Client(TestKeys.Operator);
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);

    [Fact]
    public async Task GivenRunningReadSide_WhenOperatorReadsProjections_ThenFiguresOfEach()
    {
        var response = await _operator.GetAsync("/api/v1/admin/projections");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var projections = (await response.ReadObjectAsync())["projections"]!.AsArray();
        Assert.Equal(["poisonable", "skus", "warehouses"], projections.Select(p => (string)p!["name"]!).ToArray());
        var warehouses = projections.Single(p => (string?)p!["name"] == "warehouses")!;
        foreach (var field in new[] { "generation", "health", "checkpoint", "headPosition", "lagEvents", "lagMilliseconds", "lastAppliedAt", "deadLetters", "partitions", "rebuild", "measuredAt" })
        {
            Assert.True(warehouses.AsObject().ContainsKey(field), field);
        }

        Assert.Contains((string)warehouses["health"]!, new[] { "live", "catchingUp", "rebuilding", "stalled" });
        Assert.NotNull(warehouses["checkpoint"]!["position"]);
    }

    [Fact]
    public async Task GivenUnknownProjection_WhenRebuilding_Then404()
    {
        var response = await _operator.PostAsync("/api/v1/admin/projections/nope/rebuild", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "projection-not-found");
    }

    [Fact]
    public async Task GivenProjection_WhenRebuilding_Then202WithRebuildInProgress()
    {
        var response = await _operator.PostAsync("/api/v1/admin/projections/poisonable/rebuild", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/v1/admin/projections", response.Headers.Location?.OriginalString);
        var status = await response.ReadObjectAsync();
        Assert.Equal("poisonable", (string?)status["name"]);
        Assert.Equal("rebuilding", (string?)status["health"]);
        Assert.NotNull(status["rebuild"]!["eventsPerSecond"]);
    }

    [Fact]
    public async Task GivenPoisonEvent_WhenListedAndRetried_ThenStillFailingThenRedrivenThenAlreadyRedriven()
    {
        // A rebuild of the projection (another test) would replay the poison event again: let it finish first.
        await EventuallyAsync(async () =>
        {
            var projections = (await (await _operator.GetAsync("/api/v1/admin/projections")).ReadObjectAsync())["projections"]!.AsArray();
            var poisonable = projections.Single(p => (string?)p!["name"] == "poisonable")!;
            return poisonable["rebuild"] is null ? poisonable : null;
        });
        var item = TestItem.New();
        var poison = Guid.NewGuid();
        PoisonableView.Poisoned[poison] = true;
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1, movementId: poison));
        var letter = await EventuallyAsync(async () =>
        {
            var page = await (await _operator.GetAsync("/api/v1/admin/dead-letters?projection=poisonable&open=true&limit=1000")).ReadObjectAsync();
            return page["items"]!.AsArray().SingleOrDefault(l => (string?)l!["streamId"] == item.Key);
        });
        var id = (long)letter["id"]!;
        Assert.Equal(("poisonable", item.WarehouseId, 1, "stock-received"), ((string)letter["projection"]!, (string)letter["partition"]!, (int)letter["version"]!, (string)letter["eventType"]!));
        Assert.Null((string?)letter["redrivenAt"]);

        var failing = await _operator.PostAsync($"/api/v1/admin/dead-letters/{id}/retry", null);
        await failing.AssertProblemAsync(HttpStatusCode.Conflict, "dead-letter-still-failing");

        PoisonableView.Poisoned.TryRemove(poison, out _);
        var redriven = await _operator.PostAsync($"/api/v1/admin/dead-letters/{id}/retry", null);
        Assert.Equal(HttpStatusCode.OK, redriven.StatusCode);
        Assert.Equal($$"""{"id":{{id}},"outcome":"redriven"}""", (await redriven.ReadObjectAsync()).ToJsonString());

        var again = await _operator.PostAsync($"/api/v1/admin/dead-letters/{id}/retry", null);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "dead-letter-already-redriven");
        var open = await (await _operator.GetAsync("/api/v1/admin/dead-letters?projection=poisonable")).ReadObjectAsync();
        Assert.DoesNotContain(open["items"]!.AsArray(), l => (long)l!["id"]! == id);
        var all = await (await _operator.GetAsync("/api/v1/admin/dead-letters?projection=poisonable&open=false")).ReadObjectAsync();
        Assert.NotNull((string?)all["items"]!.AsArray().Single(l => (long)l!["id"]! == id)!["redrivenAt"]);
    }

    [Fact]
    public async Task GivenUnknownDeadLetter_WhenRetried_Then404()
    {
        var response = await _operator.PostAsync($"/api/v1/admin/dead-letters/{long.MaxValue}/retry", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "dead-letter-not-found");
    }

    [Fact]
    public async Task GivenFullPage_WhenListingDeadLetters_ThenNextUrlAfterTheLastId()
    {
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await fixture.DeadLetters.ParkAsync(new Inventory.Contracts.Projections.DeadLetter(0, "paging-test", "p", Guid.NewGuid(), "wh/sku", 1, 1,
                "stock-received", "test", 1, DateTimeOffset.UtcNow, null));
        }

        var first = await (await _operator.GetAsync("/api/v1/admin/dead-letters?projection=paging-test&limit=2")).ReadObjectAsync();
        var ids = first["items"]!.AsArray().Select(l => (long)l!["id"]!).ToList();
        var second = await (await _operator.GetAsync((string)first["next"]!)).ReadObjectAsync();

        Assert.Equal(2, ids.Count);
        Assert.Equal($"/api/v1/admin/dead-letters?projection=paging-test&open=true&after={ids[1]}&limit=2", (string?)first["next"]);
        Assert.Single(second["items"]!.AsArray());
        Assert.Null((string?)second["next"]);
    }

    [Theory]
    [InlineData("/api/v1/admin/dead-letters?limit=0", "limit")]
    [InlineData("/api/v1/admin/dead-letters?after=-5", "after")]
    [InlineData("/api/v1/admin/dead-letters?open=maybe", "open")]
    [InlineData("/api/v1/admin/dead-letters?projection=", "projection")]
    public async Task GivenBadQuery_WhenListingDeadLetters_Then400(string url, string field)
    {
        var response = await _operator.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("x")]
    public async Task GivenBadId_WhenRetryingDeadLetter_Then400(string id)
    {
        var response = await _operator.PostAsync($"/api/v1/admin/dead-letters/{id}/retry", null);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
    }

    private static async Task<JsonNode> EventuallyAsync(Func<Task<JsonNode?>> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "Not reached within 15 s.");
            await Task.Delay(50);
        }
    }
}
