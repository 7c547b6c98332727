using System.Net;
using System.Text.RegularExpressions;

namespace Inventory.Api.Tests;

/// <summary>The dashboard page and its assets: served by the API itself without a key, with a self-only
/// Content-Security-Policy, no inline script or style and nothing from another origin; Chart.js (vendored at build time)
/// and its licence served the same way.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardPageTests(ApiFixture fixture)
{
    private readonly HttpClient _anonymous = fixture.Client(null);

    [Theory]
    [InlineData("/")]
    [InlineData("/dashboard")]
    public async Task GivenNoKey_WhenOpeningThePage_ThenHtmlWithSecurityHeaders(string url)
    {
        var response = await _anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/dashboard/dashboard.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"api-key\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/dashboard.js")]
    [InlineData("/dashboard/chart.umd.min.js")]
    public async Task GivenNoKey_WhenAskingForThePageWithHead_ThenOkWithTheSameHeadersAsGet(string url)
    {
        var get = await _anonymous.GetAsync(url);

        var head = await _anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(Assert.Single(get.Headers.GetValues("Content-Security-Policy")), Assert.Single(head.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task GivenThePage_ThenNoInlineScriptStyleOrOtherOrigin()
    {
        var html = await _anonymous.GetStringAsync("/");
        var script = await _anonymous.GetStringAsync("/dashboard/dashboard.js");
        var charts = await _anonymous.GetStringAsync("/dashboard/charts.js");
        var itemTransit = await _anonymous.GetStringAsync("/dashboard/item-transit.js");
        var transit = await _anonymous.GetStringAsync("/dashboard/transit.js");
        var css = await _anonymous.GetStringAsync("/dashboard/dashboard.css");

        Assert.Equal(
            ["/dashboard/chart.umd.min.js", "/dashboard/item-transit.js", "/dashboard/charts.js", "/dashboard/transit.js", "/dashboard/dashboard.js"],
            Regex.Matches(html, "<script src=\"([^\"]+)\" defer></script>").Select(m => m.Groups[1].Value));
        Assert.Equal(5, Count(html, "<script"));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        foreach (var text in new[] { html, script, charts, itemTransit, transit, css })
        {
            Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
        }

        Assert.Contains("X-Api-Key", script, StringComparison.Ordinal);
        Assert.Contains("/api/v1/live", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", charts, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", itemTransit, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", transit, StringComparison.Ordinal);
        Assert.DoesNotContain("EventSource", script.Replace("EventSource cannot", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    [InlineData("/dashboard/charts.js", "text/javascript")]
    [InlineData("/dashboard/item-transit.js", "text/javascript")]
    [InlineData("/dashboard/transit.js", "text/javascript")]
    [InlineData("/dashboard/chart.umd.min.js", "text/javascript")]
    [InlineData("/dashboard/chart.js-LICENSE.md", "text/plain")]
    public async Task GivenAsset_WhenRequestedAgainWithItsETag_Then304(string url, string mediaType)
    {
        var first = await _anonymous.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await _anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(mediaType, first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(first.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task GivenTheVendoredChartJs_WhenRequested_ThenThePinnedVersionUnderTheDashboardsPolicy_WithItsLicenceLinked()
    {
        var library = await _anonymous.GetAsync("/dashboard/chart.umd.min.js");
        var licence = await _anonymous.GetAsync("/dashboard/chart.js-LICENSE.md");
        var html = await _anonymous.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Equal("text/javascript", library.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", library.Content.Headers.ContentType?.CharSet);
        Assert.Equal(DashboardCsp, Assert.Single(library.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(library.Headers.GetValues("X-Content-Type-Options")));
        var code = await library.Content.ReadAsStringAsync();
        Assert.StartsWith("/*!\n * Chart.js v4.6.1\n", code, StringComparison.Ordinal);
        Assert.Contains("Released under the MIT License", code, StringComparison.Ordinal);
        // Nothing the policy (no 'unsafe-eval') would block.
        Assert.DoesNotMatch(@"\beval\(|new Function\(", code);
        Assert.Equal(HttpStatusCode.OK, licence.StatusCode);
        Assert.Equal("text/plain", licence.Content.Headers.ContentType?.MediaType);
        var text = await licence.Content.ReadAsStringAsync();
        Assert.Contains("The MIT License (MIT)", text, StringComparison.Ordinal);
        Assert.Contains("Chart.js Contributors", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/dashboard/chart.js-LICENSE.md\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenUnknownAsset_WhenRequested_Then404()
    {
        var response = await _anonymous.GetAsync("/dashboard/secrets.txt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private const string DashboardCsp = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
