using System.Net;
using System.Text.Json.Nodes;
using Inventory.Contracts.Audit;
using Inventory.Contracts.Projections;

namespace Inventory.Api.Tests;

/// <summary>Operator actions are recorded (who, when, what, target, outcome with status and problem, trace id) and
/// listed at <c>GET /api/v1/admin/audit</c>, paged; refusals by role are recorded, calls without a key are not; the
/// action's answer does not depend on the audit log being writable.</summary>
[Collection(ApiCollection.Name)]
public sealed class OperatorAuditTests(ApiFixture fixture)
{
    private readonly HttpClient _operator = fixture.Client(TestKeys.Operator);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);

    [Fact]
    public async Task GivenAnOperator_WhenSettingAReorderPoint_ThenTheActionIsListedAsOkWithWhoWhenWhatAndTrace()
    {
        var item = TestItem.New();
        var before = DateTimeOffset.UtcNow;

        var response = await _operator.PutJsonAsync($"{item.Url}/reorder-point", new { reorderPoint = 3 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var action = await FindAsync(item.Key);
        Assert.Equal("operator-1", (string?)action["actor"]);
        Assert.Equal("item.reorder-point", (string?)action["action"]);
        Assert.Equal("ok", (string?)action["outcome"]);
        Assert.Equal(201, (int)action["status"]!);
        Assert.Null(action["problem"]);
        Assert.InRange(DateTimeOffset.Parse((string)action["at"]!, System.Globalization.CultureInfo.InvariantCulture), before, DateTimeOffset.UtcNow);
        Assert.Matches("^[0-9a-f]{32}$", (string?)action["traceId"]);
        Assert.True((long)action["id"]! > 0);
    }

    [Fact]
    public async Task GivenAnUnknownProjection_WhenRebuilt_ThenRecordedAsRefusedWithItsProblem()
    {
        var name = $"nope-{Guid.NewGuid():N}"[..20];

        var response = await _operator.PostAsync($"/api/v1/admin/projections/{name}/rebuild", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "projection-not-found");
        var action = await FindAsync(name);
        Assert.Equal(("operator-1", "projection.rebuild", "refused", 404, "projection-not-found"), Summary(action));
    }

    [Fact]
    public async Task GivenADashboardKey_WhenRetryingADeadLetter_ThenRefusedAndRecordedUnderItsName_AndWithoutAKeyNothingIsRecorded()
    {
        var id = Random.Shared.NextInt64(1_000_000_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var anonymousId = Random.Shared.NextInt64(1_000_000_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await _dashboard.PostAsync($"/api/v1/admin/dead-letters/{id}/retry", null);
        var anonymous = await fixture.Client(null).PostAsync($"/api/v1/admin/dead-letters/{anonymousId}/retry", null);
        var unknown = await fixture.Client(TestKeys.Unknown).PostAsync($"/api/v1/admin/dead-letters/{anonymousId}/retry", null);

        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(("dashboard-1", "dead-letter.retry", "refused", 403, "forbidden"), Summary(await FindAsync(id)));
        Assert.DoesNotContain(await AllAsync(), a => (string?)a["target"] == anonymousId);
    }

    [Fact]
    public async Task GivenTheReadSideFails_WhenRebuilding_ThenRecordedAsFailed()
    {
        var grains = SelectiveGrainFactory.Create(fixture.Cluster.Client, () => new InvalidOperationException("read side broken"), typeof(IProjectionAdminGrain));
        await using var factory = new ApiFactory(grains, TestKeys.Settings());
        var name = $"broken-{Guid.NewGuid():N}"[..20];

        var response = await factory.WithKey(TestKeys.Operator).PostAsync($"/api/v1/admin/projections/{name}/rebuild", null);

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal-error");
        Assert.Equal(("operator-1", "projection.rebuild", "failed", 500, "internal-error"), Summary(await FindAsync(name)));
    }

    [Fact]
    public async Task GivenTheAuditLogCannotBeWritten_WhenAnOperatorActs_ThenTheActionIsAnsweredAsUsual()
    {
        var grains = SelectiveGrainFactory.Create(fixture.Cluster.Client, () => new TimeoutException("audit down"), typeof(IOperatorAuditGrain));
        await using var factory = new ApiFactory(grains, TestKeys.Settings());
        var item = TestItem.New();

        var response = await factory.WithKey(TestKeys.Operator).PutJsonAsync($"{item.Url}/reorder-point", new { reorderPoint = 2 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(await fixture.HistoryAsync(item));
        Assert.DoesNotContain(await AllAsync(), a => (string?)a["target"] == item.Key);
    }

    [Fact]
    public async Task GivenMoreActionsThanAPage_WhenListed_ThenPagesFollowInIdOrderWithoutGapsOrRepeats()
    {
        for (var i = 0; i < 3; i++)
        {
            await _operator.PostAsync($"/api/v1/admin/projections/page-{i}-{Guid.NewGuid():N}/rebuild", null);
        }

        var ids = new List<long>();
        string? next = "/api/v1/admin/audit?limit=2";
        var pages = 0;
        while (next is not null)
        {
            var page = await (await _operator.GetAsync(next)).ReadObjectAsync();
            var items = page["items"]!.AsArray();
            Assert.InRange(items.Count, 0, 2);
            ids.AddRange(items.Select(a => (long)a!["id"]!));
            next = (string?)page["next"];
            pages++;
        }

        var direct = await fixture.Cluster.Client.GetGrain<IOperatorAuditGrain>(0).ListAsync(0, 1000);
        Assert.True(pages >= 2);
        Assert.Equal(ids.Order().ToList(), ids);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(direct.Select(a => a.Id).Take(ids.Count), ids);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("after=-1", "after")]
    [InlineData("after=x", "after")]
    public async Task GivenInvalidPaging_WhenListing_Then400(string query, string field)
    {
        var response = await _operator.GetAsync($"/api/v1/admin/audit?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.NotNull(problem["errors"]![field]);
    }

    private static (string?, string?, string?, int, string?) Summary(JsonObject action) =>
        ((string?)action["actor"], (string?)action["action"], (string?)action["outcome"], (int)action["status"]!, (string?)action["problem"]);

    /// <summary>The one recorded action on <paramref name="target"/> (the API records it before it answers).</summary>
    private async Task<JsonObject> FindAsync(string target) =>
        Assert.Single(await AllAsync(), a => (string?)a["target"] == target).AsObject();

    private async Task<List<JsonObject>> AllAsync()
    {
        var all = new List<JsonObject>();
        string? next = "/api/v1/admin/audit?limit=1000";
        while (next is not null)
        {
            var response = await _operator.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadObjectAsync();
            all.AddRange(page["items"]!.AsArray().Select(a => a!.AsObject()));
            next = (string?)page["next"];
        }

        return all;
    }
}
