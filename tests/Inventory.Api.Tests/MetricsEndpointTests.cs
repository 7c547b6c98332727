using System.Net;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class MetricsEndpointTests(ApiFixture fixture)
{
    [Fact]
    public async Task GivenAnOperatorKey_WhenScrapingAfterARequest_ThenPrometheusTextWithTheRequestCounted()
    {
        await fixture.Client(TestKeys.Scanner).PostJsonAsync("/api/v1/movements", Http.Movement(TestItem.New(), "receive", 1));

        var response = await fixture.Client(TestKeys.Operator).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/api/v1/movements/\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.Dashboard, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Scanner, HttpStatusCode.Forbidden)]
    public async Task GivenNoOperatorKey_WhenScraping_ThenRefused(string? key, HttpStatusCode status)
    {
        var response = await fixture.Client(key).GetAsync("/metrics");

        Assert.Equal(status, response.StatusCode);
    }
}
