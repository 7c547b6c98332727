using System.Net;
using System.Text;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ReorderPointTests(ApiFixture fixture)
{
    private readonly HttpClient _operator = fixture.Client(TestKeys.Operator);

    [Fact]
    public async Task GivenMovementIdInBody_WhenPutTwice_Then201Then200AndOneEvent()
    {
        var item = TestItem.New();
        var body = new { reorderPoint = 7, movementId = Guid.NewGuid() };

        var first = await _operator.PutJsonAsync($"{item.Url}/reorder-point", body);
        var second = await _operator.PutJsonAsync($"{item.Url}/reorder-point", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var entry = Assert.Single(await fixture.HistoryAsync(item));
        Assert.Equal("reorder-point-set", entry.Type);
        var state = await (await _operator.GetAsync(item.Url)).ReadObjectAsync();
        Assert.Equal(7, (long)state["reorderPoint"]!);
    }

    [Fact]
    public async Task GivenIdempotencyKeyHeader_WhenPutTwice_Then201Then200AndOneEvent()
    {
        var item = TestItem.New();
        var key = Guid.NewGuid().ToString();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"{item.Url}/reorder-point")
            {
                Content = new StringContent("""{"reorderPoint":4}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            statuses.Add((await _operator.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK], statuses);
        Assert.Equal(Guid.Parse(key), Assert.Single(await fixture.HistoryAsync(item)).MovementId);
    }

    [Fact]
    public async Task GivenNoMovementId_WhenPutTwice_ThenEachIsANewMovement()
    {
        var item = TestItem.New();

        var first = await _operator.PutJsonAsync($"{item.Url}/reorder-point", new { reorderPoint = 3 });
        var second = await _operator.PutJsonAsync($"{item.Url}/reorder-point", new { reorderPoint = 3 });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await fixture.HistoryAsync(item)).Count);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("differs")]
    public async Task GivenBadIdempotencyKey_WhenPut_Then400AndNothingWritten(string header)
    {
        var item = TestItem.New();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{item.Url}/reorder-point")
        {
            Content = new StringContent($$"""{"reorderPoint":4,"movementId":"{{Guid.NewGuid()}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", header == "differs" ? Guid.NewGuid().ToString() : header);

        var response = await _operator.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Empty(await fixture.HistoryAsync(item));
    }

    [Fact]
    public async Task GivenInvalidSkuInPath_WhenPut_Then400()
    {
        var response = await _operator.PutJsonAsync("/api/v1/items/wh-1/bad!sku/reorder-point", new { reorderPoint = 1 });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
    }
}
