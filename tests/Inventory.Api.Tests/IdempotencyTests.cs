using System.Net;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);

    [Fact]
    public async Task GivenAppliedMovement_WhenRetriedSequentially_Then200WithTheSameBodyAndOneEvent()
    {
        var item = TestItem.New();
        var movement = Movement(item, "receive", 5);

        var first = await _scanner.PostJsonAsync("/api/v1/movements", movement);
        var second = await _scanner.PostJsonAsync("/api/v1/movements", movement);
        var third = await _scanner.PostJsonAsync("/api/v1/movements", movement);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var body = await first.Content.ReadAsStringAsync();
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
        Assert.Equal(body, await third.Content.ReadAsStringAsync());
        Assert.Single(await fixture.HistoryAsync(item));
    }

    [Fact]
    public async Task GivenOneMovement_WhenPostedTenTimesConcurrently_ThenExactlyOne201AndOneEvent()
    {
        var item = TestItem.New();
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));
        var movement = Movement(item, "receive", 5);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _scanner.PostJsonAsync("/api/v1/movements", movement)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(2, (await fixture.HistoryAsync(item)).Count);
    }

    [Fact]
    public async Task GivenOneMovement_WhenPostedConcurrentlyInBatchesAndAlone_ThenOneEvent()
    {
        var item = TestItem.New();
        var movement = Movement(item, "receive", 5);

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 5).Select(_ => _scanner.PostJsonAsync("/api/v1/movements", movement))
                .Concat(Enumerable.Range(0, 5).Select(_ => _scanner.PostJsonAsync("/api/v1/movements/batch", new { movements = new[] { movement } }))));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Single(await fixture.HistoryAsync(item));
    }
}
