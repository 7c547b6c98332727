using System.Net;
using System.Text;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>What the OpenAPI fuzz found, each kept as one plain request (seed 20260131 found them first).</summary>
[Collection(ApiCollection.Name)]
public sealed class FuzzFindingsTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);

    /// <summary>A null where the batch expects a movement is a wrongly typed movement, like <c>[1,2]</c>: 400 invalid-json,
    /// none applied (it was 500: <c>MovementMapping.Map(null)</c> throws).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GivenBatchWithANullMovement_WhenPosted_Then400AndNoneApplied(bool withValidMovementFirst)
    {
        var item = TestItem.New();
        var first = withValidMovementFirst ? Http.Json(Movement(item, "receive", 1)) + "," : "";

        var response = await _scanner.SendRawAsync(HttpMethod.Post, "/api/v1/movements/batch", Encoding.UTF8.GetBytes($$"""{"movements":[{{first}}null]}"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
        Assert.Empty(await fixture.HistoryAsync(item));
    }
}
