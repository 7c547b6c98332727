using System.Net;
using Inventory.Testing;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class BatchEndpointTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);

    [Fact]
    public async Task GivenMixedBatch_WhenPosted_ThenOneResultPerMovementInOrderAndPerItemOrderKept()
    {
        var a = TestItem.New();
        var b = TestItem.New();
        var duplicate = Guid.NewGuid();
        var movements = new[]
        {
            Movement(a, "receive", 5),
            Movement(b, "receive", 1, duplicate),
            Movement(a, "pick", 5),
            Movement(b, "teleport", 1),
            Movement(a, "pick", 1),
            Movement(b, "receive", 1, duplicate),
            Movement(a, "receive", 2),
        };

        var response = await _scanner.PostJsonAsync("/api/v1/movements/batch", new { movements });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.ReadObjectAsync())["results"]!.AsArray();
        Assert.Equal([201, 201, 201, 400, 409, 200, 201], results.Select(r => (int)r!["status"]!));
        Assert.Equal(5, (long)results[0]!["movement"]!["onHand"]!);
        Assert.Equal(0, (long)results[2]!["movement"]!["onHand"]!);
        Assert.Equal("invalid-input", (string?)results[3]!["problem"]!["code"]);
        Assert.Equal("insufficient-stock", (string?)results[4]!["problem"]!["code"]);
        Assert.Null(results[4]!["movement"]);
        Assert.Equal(results[1]!["movement"]!.ToJsonString(), results[5]!["movement"]!.ToJsonString());
        Assert.Equal(2, (long)results[6]!["movement"]!["onHand"]!);
        Assert.Equal([1, 2, 3], (await fixture.HistoryAsync(a)).Select(e => e.Version));
        Assert.Single(await fixture.HistoryAsync(b));
    }

    [Fact]
    public async Task GivenManyItems_WhenPostedAsOneBatch_ThenAllApplied()
    {
        var items = Enumerable.Range(0, 50).Select(_ => TestItem.New()).ToList();
        var movements = items.SelectMany(i => new[] { Movement(i, "receive", 3), Movement(i, "pick", 1), Movement(i, "pick", 1) }).ToArray();

        var response = await _scanner.PostJsonAsync("/api/v1/movements/batch", new { movements });

        var results = (await response.ReadObjectAsync())["results"]!.AsArray();
        Assert.Equal(150, results.Count);
        Assert.All(results, r => Assert.Equal(201, (int)r!["status"]!));
        Assert.All(results.Where((_, i) => i % 3 == 2), r => Assert.Equal(1, (long)r!["movement"]!["onHand"]!));
    }

    [Fact]
    public async Task Given500Movements_WhenPosted_ThenAllApplied()
    {
        var items = Enumerable.Range(0, 10).Select(_ => ShortItem()).ToList();
        var movements = Enumerable.Range(0, 500).Select(i => Movement(items[i % 10], "receive", 1)).ToArray();

        var response = await _scanner.PostJsonAsync("/api/v1/movements/batch", new { movements });

        var results = (await response.ReadObjectAsync())["results"]!.AsArray();
        Assert.Equal(500, results.Count);
        Assert.All(results, r => Assert.Equal(201, (int)r!["status"]!));
        Assert.Equal(50, (await fixture.HistoryAsync(items[0])).Count);
    }

    [Fact]
    public async Task GivenMoreThan500Movements_WhenPosted_Then400AndNoneApplied()
    {
        // Short identifiers, so that 501 movements fit in the 64 KiB body limit.
        var item = ShortItem();
        var movements = Enumerable.Range(0, 501).Select(_ => Movement(item, "receive", 1)).ToArray();

        var response = await _scanner.PostJsonAsync("/api/v1/movements/batch", new { movements });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Empty(await fixture.HistoryAsync(item));
    }

    [Fact]
    public async Task GivenStoreUnreachableForOneItem_WhenBatchPosted_ThatItemsMovementsAre503AndOthersApplied()
    {
        var down = TestItem.New();
        var up = TestItem.New();
        var seed = await _scanner.PostJsonAsync("/api/v1/movements", Movement(down, "receive", 1));
        Assert.Equal(HttpStatusCode.Created, seed.StatusCode);
        fixture.Store.Inject(down.Key, FaultInjectingEventStore.Fault.Unreachable);
        try
        {
            var movements = new[] { Movement(down, "receive", 1), Movement(up, "receive", 1), Movement(down, "receive", 2) };

            var response = await _scanner.PostJsonAsync("/api/v1/movements/batch", new { movements });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var results = (await response.ReadObjectAsync())["results"]!.AsArray();
            Assert.Equal([503, 201, 503], results.Select(r => (int)r!["status"]!));
            Assert.Equal("storage-unavailable", (string?)results[0]!["problem"]!["code"]);
            Assert.Equal("storage-unavailable", (string?)results[2]!["problem"]!["code"]);
            Assert.DoesNotContain("Injected", results.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            fixture.Store.Heal(down.Key);
        }

        Assert.Single(await fixture.HistoryAsync(down));
    }

    private static TestItem ShortItem() => new("b", Guid.NewGuid().ToString("N")[..8]);
}
