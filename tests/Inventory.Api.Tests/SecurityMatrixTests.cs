using System.Net;
using System.Text;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

/// <summary>Every endpoint against every caller: no key and an unknown key get 401, a role that may not use the
/// endpoint 403, a role that may gets through (whatever the endpoint then answers).</summary>
[Collection(ApiCollection.Name)]
public sealed class SecurityMatrixTests(ApiFixture fixture)
{
    private static readonly string[] Callers = ["none", "unknown", "scanner", "dashboard", "operator"];

    private static readonly (string Name, string[] Allowed)[] Endpoints =
    [
        ("POST movements", ["scanner"]),
        ("POST movements/batch", ["scanner"]),
        ("PUT reorder-point", ["operator"]),
        ("GET item", ["dashboard", "operator"]),
        ("GET item events", ["dashboard", "operator"]),
        ("GET admin/cluster", ["operator"]),
        ("GET admin/audit", ["operator"]),
        ("GET warehouse stock", ["dashboard", "operator"]),
        ("GET warehouse stock as-of", ["dashboard", "operator"]),
        ("GET warehouse stock csv", ["dashboard", "operator"]),
        ("GET warehouse stock as-of csv", ["dashboard", "operator"]),
        ("GET warehouse low-stock", ["dashboard", "operator"]),
        ("GET warehouse movements", ["dashboard", "operator"]),
        ("GET sku stock", ["dashboard", "operator"]),
        ("GET sku stock as-of", ["dashboard", "operator"]),
        ("GET overview", ["dashboard", "operator"]),
        ("GET live", ["dashboard", "operator"]),
        ("GET admin/projections", ["operator"]),
        ("POST admin/projections rebuild", ["operator"]),
        ("GET admin/dead-letters", ["operator"]),
        ("POST admin/dead-letters retry", ["operator"]),
        ("POST admin/cluster-dashboard session", ["operator"]),
        ("DELETE admin/cluster-dashboard session", ["operator"]),
        ("GET cluster dashboard", ["operator"]),
        ("GET cluster dashboard data", ["operator"]),
        ("GET dashboard page", ["none", "unknown", "scanner", "dashboard", "operator"]),
        ("GET dashboard script", ["none", "unknown", "scanner", "dashboard", "operator"]),
        ("GET health/live", ["none", "unknown", "scanner", "dashboard", "operator"]),
        ("GET health/ready", ["none", "unknown", "scanner", "dashboard", "operator"]),
        ("GET openapi", ["none", "unknown", "scanner", "dashboard", "operator"]),
        ("GET schemas", ["scanner", "dashboard", "operator"]),
        ("GET schema", ["scanner", "dashboard", "operator"]),
        ("POST transfers", ["scanner", "operator"]),
        ("POST transfer receive", ["scanner", "operator"]),
        ("POST transfer cancel", ["scanner", "operator"]),
        ("GET transfer", ["scanner", "dashboard", "operator"]),
        ("GET warehouse in-transit", ["dashboard", "operator"]),
        ("GET in-transit", ["dashboard", "operator"]),
        ("POST order reservations", ["scanner", "operator"]),
        ("POST order pick", ["scanner", "operator"]),
        ("POST order release", ["scanner", "operator"]),
        ("GET order", ["scanner", "dashboard", "operator"]),
    ];

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, _) in Endpoints)
        {
            foreach (var caller in Callers)
            {
                data.Add(name, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task GivenCaller_WhenCallingEndpoint_ThenOnlyItsRolesGetThrough(string endpoint, string caller)
    {
        var key = caller switch
        {
            "unknown" => TestKeys.Unknown,
            "scanner" => TestKeys.Scanner,
            "dashboard" => TestKeys.Dashboard,
            "operator" => TestKeys.Operator,
            _ => null,
        };
        var allowed = Endpoints.Single(e => e.Name == endpoint).Allowed.Contains(caller);
        using var client = fixture.Client(key);

        using var response = await SendAsync(client, endpoint, TestItem.New());

        if (allowed)
        {
            // The body is read only on failure: the live endpoint's never ends.
            if ((int)response.StatusCode is < 200 or >= 500 or 401 or 403)
            {
                Assert.Fail($"{caller} on {endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        else if (key is null || caller == "unknown")
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
        else
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Fact]
    public async Task GivenUnauthorizedCaller_WhenPostingMovement_ThenNothingWritten()
    {
        var item = TestItem.New();
        using var dashboard = fixture.Client(TestKeys.Dashboard);
        using var none = fixture.Client(null);

        await dashboard.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));
        await none.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));

        Assert.Empty(await fixture.HistoryAsync(item));
    }

    [Theory]
    [InlineData("")]
    [InlineData("TEST-SCANNER-KEY-0123456789")]
    [InlineData("test-scanner-key-012345678")]
    [InlineData("test-scanner-key-0123456789 ")]
    public async Task GivenAlmostTheKey_WhenCalling_Then401(string key)
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/cluster");
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task GivenTwoKeyHeaders_WhenCalling_Then401()
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/cluster");
        request.Headers.Add("X-Api-Key", [TestKeys.Operator, TestKeys.Operator]);

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint, TestItem item) => endpoint switch
    {
        "POST movements" => client.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1)),
        "POST movements/batch" => client.PostJsonAsync("/api/v1/movements/batch", new { movements = new[] { Movement(item, "receive", 1) } }),
        "PUT reorder-point" => client.SendRawAsync(HttpMethod.Put, $"{item.Url}/reorder-point", Encoding.UTF8.GetBytes("""{"reorderPoint":2}""")),
        "GET item" => client.GetAsync(item.Url),
        "GET item events" => client.GetAsync($"{item.Url}/events"),
        "GET admin/cluster" => client.GetAsync("/api/v1/admin/cluster"),
        "GET admin/audit" => client.GetAsync("/api/v1/admin/audit"),
        "GET health/live" => client.GetAsync("/health/live"),
        "GET health/ready" => client.GetAsync("/health/ready"),
        "GET openapi" => client.GetAsync("/openapi/v1.json"),
        "GET warehouse stock" => client.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/stock"),
        "GET warehouse stock as-of" => client.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/stock?asOf=2026-03-01"),
        "GET warehouse stock csv" => client.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/stock?format=csv"),
        "GET warehouse stock as-of csv" => client.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/stock?asOf=2026-03-01&format=csv"),
        "GET warehouse low-stock" => client.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/low-stock"),
        "GET warehouse movements" => client.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/movements"),
        "GET sku stock" => client.GetAsync($"/api/v1/skus/{item.Sku}/stock"),
        "GET sku stock as-of" => client.GetAsync($"/api/v1/skus/{item.Sku}/stock?asOf=2026-03-01"),
        "GET overview" => client.GetAsync("/api/v1/overview"),
        "GET live" => client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/live?warehouseId={item.WarehouseId}"), HttpCompletionOption.ResponseHeadersRead),
        "GET admin/projections" => client.GetAsync("/api/v1/admin/projections"),
        "POST admin/projections rebuild" => client.PostAsync("/api/v1/admin/projections/no-such-projection/rebuild", null),
        "GET admin/dead-letters" => client.GetAsync("/api/v1/admin/dead-letters"),
        "POST admin/dead-letters retry" => client.PostAsync($"/api/v1/admin/dead-letters/{long.MaxValue}/retry", null),
        "POST admin/cluster-dashboard session" => client.PostAsync("/api/v1/admin/cluster-dashboard/session", null),
        "DELETE admin/cluster-dashboard session" => client.DeleteAsync("/api/v1/admin/cluster-dashboard/session"),
        "GET cluster dashboard" => client.GetAsync("/operator/cluster/"),
        "GET cluster dashboard data" => client.GetAsync("/operator/cluster/DashboardCounters"),
        "GET dashboard page" => client.GetAsync("/"),
        "GET dashboard script" => client.GetAsync("/dashboard/dashboard.js"),
        "GET schemas" => client.GetAsync("/api/v1/schemas"),
        "GET schema" => client.GetAsync("/api/v1/schemas/stock-adjusted/1"),
        "POST transfers" => client.PostJsonAsync("/api/v1/transfers", new
        {
            transferId = "t-" + Guid.NewGuid().ToString("N"), fromWarehouseId = item.WarehouseId, toWarehouseId = "wh-elsewhere", lines = new[] { new { sku = item.Sku, quantity = 1 } },
        }),
        "POST transfer receive" => client.PostJsonAsync("/api/v1/transfers/t-none/receive", new { receiptId = Guid.NewGuid(), lines = new[] { new { sku = item.Sku, quantity = 1 } } }),
        "POST transfer cancel" => client.PostAsync("/api/v1/transfers/t-none/cancel", null),
        "GET transfer" => client.GetAsync("/api/v1/transfers/t-none"),
        "GET warehouse in-transit" => client.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/in-transit"),
        "GET in-transit" => client.GetAsync("/api/v1/in-transit"),
        "POST order reservations" => client.PostJsonAsync($"/api/v1/orders/o-{Guid.NewGuid():N}/reservations", new
        {
            warehouseId = item.WarehouseId, lines = new[] { new { sku = item.Sku, quantity = 1 } },
        }),
        "POST order pick" => client.PostJsonAsync("/api/v1/orders/o-none/pick", new { pickId = Guid.NewGuid() }),
        "POST order release" => client.PostAsync("/api/v1/orders/o-none/release", null),
        "GET order" => client.GetAsync("/api/v1/orders/o-none"),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };
}
