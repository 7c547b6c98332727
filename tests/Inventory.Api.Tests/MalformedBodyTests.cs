using System.Net;
using System.Text;

namespace Inventory.Api.Tests;

/// <summary>Bodies of every wrong kind get 4xx with a problem and never reach a grain: the item's history stays empty.</summary>
[Collection(ApiCollection.Name)]
public sealed class MalformedBodyTests(ApiFixture fixture)
{
    private const string Valid = """{"movementId":"6a1f2c9e-9d1b-4c35-9a57-2f3b8d3e1a10","warehouseId":"WH","sku":"SKU","type":"receive","quantity":5}""";

    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);

    public static TheoryData<string, string, int, string> Bodies() => new()
    {
        { "quantity as string", Valid.Replace("5}", "\"5\"}"), 400, "invalid-json" },
        { "quantity fractional", Valid.Replace("5}", "5.5}"), 400, "invalid-json" },
        { "quantity over int", Valid.Replace("5}", "2147483648}"), 400, "invalid-json" },
        { "quantity huge", Valid.Replace("5}", "1e400}"), 400, "invalid-json" },
        { "quantity under int", Valid.Replace("5}", "-2147483649}"), 400, "invalid-json" },
        { "quantity as object", Valid.Replace("5}", "{\"n\":5}}"), 400, "invalid-json" },
        { "quantity as bool", Valid.Replace("5}", "true}"), 400, "invalid-json" },
        { "type as number", Valid.Replace("\"receive\"", "1"), 400, "invalid-json" },
        { "missing movementId", Valid.Replace("\"movementId\":\"6a1f2c9e-9d1b-4c35-9a57-2f3b8d3e1a10\",", ""), 400, "invalid-json" },
        { "missing type", Valid.Replace("\"type\":\"receive\",", ""), 400, "invalid-json" },
        { "null type", Valid.Replace("\"receive\"", "null"), 400, "invalid-json" },
        { "movementId not a uuid", Valid.Replace("6a1f2c9e-9d1b-4c35-9a57-2f3b8d3e1a10", "12345"), 400, "invalid-json" },
        { "unknown member", Valid.Replace("}", ",\"colour\":\"red\"}"), 400, "invalid-json" },
        { "duplicate member", Valid.Replace("}", ",\"quantity\":500}"), 400, "invalid-json" },
        { "member in other case", Valid.Replace("\"quantity\"", "\"Quantity\""), 400, "invalid-json" },
        { "trailing garbage", Valid + " x", 400, "invalid-json" },
        { "second document", Valid + Valid, 400, "invalid-json" },
        { "trailing comma", Valid.Replace("}", ",}"), 400, "invalid-json" },
        { "comment", Valid.Replace("{", "{/* hi */"), 400, "invalid-json" },
        { "not json", "movementId=1&sku=SKU", 400, "invalid-json" },
        { "empty", "", 400, "invalid-json" },
        { "null", "null", 400, "invalid-json" },
        { "array", "[" + Valid + "]", 400, "invalid-json" },
        { "truncated", Valid[..40], 400, "invalid-json" },
        { "deep nesting", Valid.Replace("5}", new string('[', 64) + new string(']', 64) + "}"), 400, "invalid-json" },
        { "unknown type", Valid.Replace("receive", "teleport"), 400, "invalid-input" },
        { "all-zero movement id", Valid.Replace("6a1f2c9e-9d1b-4c35-9a57-2f3b8d3e1a10", Guid.Empty.ToString()), 400, "invalid-input" },
        { "bad warehouse id", Valid.Replace("\"WH\"", "\"W H\""), 400, "invalid-input" },
        { "reason on receive", Valid.Replace("}", ",\"reason\":\"x\"}"), 400, "invalid-input" },
        { "reservation on receive", Valid.Replace("}", ",\"reservationId\":\"r-1\"}"), 400, "invalid-input" },
        { "reserve without reservation", Valid.Replace("receive", "reserve"), 400, "invalid-input" },
        { "adjust without reason", Valid.Replace("receive", "adjust"), 400, "invalid-input" },
        { "pick without quantity", Valid.Replace("receive", "pick").Replace(",\"quantity\":5", ""), 400, "invalid-input" },
        { "scanner id with control character", Valid.Replace("}", ",\"scannerId\":\"a\\u0007\"}"), 400, "invalid-input" },
        { "occurredAt not a date", Valid.Replace("}", ",\"occurredAt\":\"yesterday\"}"), 400, "invalid-json" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task GivenMalformedMovement_WhenPosted_Then4xxProblemAndNothingWritten(string name, string body, int status, string code)
    {
        var item = TestItem.New();
        var json = body.Replace("\"WH\"", $"\"{item.WarehouseId}\"").Replace("\"SKU\"", $"\"{item.Sku}\"");

        var response = await _scanner.SendRawAsync(HttpMethod.Post, "/api/v1/movements", Encoding.UTF8.GetBytes(json));

        await response.AssertProblemAsync((HttpStatusCode)status, code);
        Assert.Empty(await fixture.HistoryAsync(item));
        Assert.NotNull(name);
    }

    [Fact]
    public async Task GivenInvalidUtf8InAString_WhenPosted_Then400AndNothingWritten()
    {
        var item = TestItem.New();
        var json = Encoding.UTF8.GetBytes(Body(item).Replace("\"receive\"", "\"rec\u00e9ive\""));
        var index = Array.IndexOf(json, (byte)0xC3);
        json[index] = 0xFF; // no longer UTF-8

        var response = await _scanner.SendRawAsync(HttpMethod.Post, "/api/v1/movements", json);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
        Assert.Empty(await fixture.HistoryAsync(item));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GivenBodyOver64KiB_WhenPosted_Then413AndNothingWritten(bool chunked)
    {
        var item = TestItem.New();
        var json = Body(item).Replace("\"type\":\"receive\",\"quantity\":5", "\"type\":\"adjust\",\"quantity\":5,\"reason\":\"" + new string('x', 65 * 1024) + "\"");

        var response = await _scanner.SendRawAsync(HttpMethod.Post, "/api/v1/movements", Encoding.UTF8.GetBytes(json), chunked: chunked);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Empty(await fixture.HistoryAsync(item));
    }

    [Fact]
    public async Task GivenBodyJustUnder64KiB_WhenPosted_ThenItIsReadAndJudgedByTheGrain()
    {
        var item = TestItem.New();
        var json = Body(item).Replace("\"type\":\"receive\",\"quantity\":5", "\"type\":\"adjust\",\"quantity\":5,\"reason\":\"" + new string('x', 60 * 1024) + "\"");

        var response = await _scanner.SendRawAsync(HttpMethod.Post, "/api/v1/movements", Encoding.UTF8.GetBytes(json));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "reason-required");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task GivenNonJsonContentType_WhenPosted_Then415AndNothingWritten(string? contentType)
    {
        var item = TestItem.New();

        var response = await _scanner.SendRawAsync(HttpMethod.Post, "/api/v1/movements", Encoding.UTF8.GetBytes(Body(item)), contentType);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Empty(await fixture.HistoryAsync(item));
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/problem+json")]
    public async Task GivenJsonContentTypeVariant_WhenPosted_Then201(string contentType)
    {
        var item = TestItem.New();

        var response = await _scanner.SendRawAsync(HttpMethod.Post, "/api/v1/movements", Encoding.UTF8.GetBytes(Body(item)), contentType);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"movements":"all"}""", "invalid-json")]
    [InlineData("""{"movements":[1,2]}""", "invalid-json")]
    [InlineData("""{}""", "invalid-json")]
    [InlineData("""{"movements":[]}""", "invalid-input")]
    public async Task GivenMalformedBatch_WhenPosted_Then400(string body, string code)
    {
        var response = await _scanner.SendRawAsync(HttpMethod.Post, "/api/v1/movements/batch", Encoding.UTF8.GetBytes(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task GivenBatchWithAWronglyTypedMovement_WhenPosted_Then400AndNoneApplied()
    {
        var item = TestItem.New();
        var body = $$"""{"movements":[{{Body(item)}},{{Body(item).Replace("5}", "\"5\"}")}}]}""";

        var response = await _scanner.SendRawAsync(HttpMethod.Post, "/api/v1/movements/batch", Encoding.UTF8.GetBytes(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
        Assert.Empty(await fixture.HistoryAsync(item));
    }

    [Theory]
    [InlineData("""{"reorderPoint":"3"}""", 400, "invalid-json")]
    [InlineData("""{"reorderPoint":3000000000}""", 400, "invalid-json")]
    [InlineData("""{}""", 400, "invalid-json")]
    [InlineData("""{"reorderPoint":3,"extra":1}""", 400, "invalid-json")]
    [InlineData("""{"reorderPoint":-1}""", 400, "invalid-quantity")]
    public async Task GivenMalformedReorderPoint_WhenPut_Then400AndNothingWritten(string body, int status, string code)
    {
        var item = TestItem.New();
        using var operatorClient = fixture.Client(TestKeys.Operator);

        var response = await operatorClient.SendRawAsync(HttpMethod.Put, $"{item.Url}/reorder-point", Encoding.UTF8.GetBytes(body));

        await response.AssertProblemAsync((HttpStatusCode)status, code);
        Assert.Empty(await fixture.HistoryAsync(item));
    }

    private static string Body(TestItem item) =>
        Valid.Replace("\"WH\"", $"\"{item.WarehouseId}\"").Replace("\"SKU\"", $"\"{item.Sku}\"").Replace("6a1f2c9e-9d1b-4c35-9a57-2f3b8d3e1a10", Guid.NewGuid().ToString());
}
