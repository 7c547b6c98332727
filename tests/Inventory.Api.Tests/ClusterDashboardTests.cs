using System.Net;
using System.Net.Http.Json;
using Inventory.Api.Contracts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace Inventory.Api.Tests;

/// <summary>The Orleans Dashboard on the API: operators only, by key header or by the browser session an operator key
/// opens; the session cookie is HttpOnly, SameSite=Strict and sent only to the dashboard's path.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClusterDashboardTests(ApiFixture fixture)
{
    [Fact]
    public async Task GivenAnOperatorKey_WhenOpeningASession_ThenTheCookieOpensTheDashboard_UntilTheSessionIsClosed()
    {
        using var browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var open = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/cluster-dashboard/session");
        open.Headers.Add("X-Api-Key", TestKeys.Operator);

        var opened = await browser.SendAsync(open);
        var session = await opened.Content.ReadFromJsonAsync<ClusterDashboardSessionResponse>();
        var cookie = SetCookieHeaderValue.ParseList([.. opened.Headers.GetValues("Set-Cookie")]).Single();
        var page = await browser.GetAsync(session!.Url);
        var counters = await browser.GetAsync($"{session.Url}DashboardCounters");

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("/operator/cluster/", session.Url);
        Assert.InRange(session.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(7.9), TimeSpan.FromHours(8));
        Assert.Equal("inventory-operator", cookie.Name.Value);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal("/operator/cluster", cookie.Path.Value);
        Assert.DoesNotContain(TestKeys.Operator, cookie.Value.Value, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Contains("\"totalActiveHostCount\":1", await counters.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var close = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/admin/cluster-dashboard/session");
        close.Headers.Add("X-Api-Key", TestKeys.Operator);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(close)).StatusCode);
        var after = await browser.GetAsync($"{session.Url}DashboardCounters");
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task GivenNoSession_WhenOpeningTheDashboard_ThenAProblem401_AndAForgedCookieIsRefused()
    {
        using var browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/operator/cluster/DashboardCounters");
        forged.Headers.Add("Cookie", $"inventory-operator={TestKeys.Operator}");

        var none = await browser.GetAsync("/operator/cluster/");
        var forgedAnswer = await browser.SendAsync(forged);

        await none.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await forgedAnswer.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task GivenADashboardKey_WhenOpeningASession_Then403_AndNoCookie()
    {
        using var browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var open = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/cluster-dashboard/session");
        open.Headers.Add("X-Api-Key", TestKeys.Dashboard);

        var refused = await browser.SendAsync(open);

        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        await (await browser.GetAsync("/operator/cluster/")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
