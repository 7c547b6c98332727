using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

/// <summary><c>/api/v1/transfers</c> end to end through the API and the test cluster: what moves, what is refused, and
/// that a refused or repeated request writes nothing more.</summary>
[Collection(ApiCollection.Name)]
public sealed class TransferEndpointTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);
    private readonly string _from = "wh-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _to = "wh-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _transferId = "t-" + Guid.NewGuid().ToString("N")[..12];

    private string Url => $"/api/v1/transfers/{_transferId}";

    [Fact]
    public async Task GivenStock_WhenTransferredReceivedAndRead_ThenTheTransferAndBothWarehousesShowIt()
    {
        await ReceiveAsync(_from, "sku-1", 10);

        var created = await _scanner.PostJsonAsync("/api/v1/transfers", Transfer(("sku-1", 6)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Url, created.Headers.Location?.ToString());
        var body = await created.ReadObjectAsync();
        Assert.Equal("in-transit", (string?)body["status"]);
        Assert.Equal(6, (long)body["lines"]![0]!["inTransit"]!);

        var receipt = await _scanner.PostJsonAsync($"{Url}/receive", Receipt(Guid.NewGuid(), ("sku-1", 6)));
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("completed", (string?)(await receipt.ReadObjectAsync())["status"]);

        var read = await _dashboard.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var transfer = await read.ReadObjectAsync();
        Assert.Equal(
            ["transfer-requested", "transfer-line-dispatched", "transfer-receipt-accepted", "transfer-line-received", "transfer-completed"],
            transfer["history"]!.AsArray().Select(e => (string?)e!["type"]));
        Assert.Equal(6, (int)transfer["history"]![0]!["data"]!["lines"]![0]!["quantity"]!);
        Assert.Equal(4, await OnHandAsync(_from, "sku-1"));
        Assert.Equal(6, await OnHandAsync(_to, "sku-1"));
    }

    [Fact]
    public async Task GivenTheSameTransferPostedAgain_Then200WithTheTransferAndNothingMovesTwice()
    {
        await ReceiveAsync(_from, "sku-1", 10);
        await _scanner.PostJsonAsync("/api/v1/transfers", Transfer(("sku-1", 6)));

        var again = await _scanner.PostJsonAsync("/api/v1/transfers", Transfer(("sku-1", 6)));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((bool)(await again.ReadObjectAsync())["duplicate"]!);
        Assert.Equal(4, await OnHandAsync(_from, "sku-1"));
        var reused = await _scanner.PostJsonAsync("/api/v1/transfers", Transfer(("sku-1", 5)));
        await reused.AssertProblemAsync(HttpStatusCode.Conflict, "transfer-id-reused");
    }

    [Fact]
    public async Task GivenTooLittleStockOnOneLine_WhenTransferred_Then409NamesTheLineAndNothingMoved()
    {
        await ReceiveAsync(_from, "sku-1", 10);
        await ReceiveAsync(_from, "sku-2", 1);

        var response = await _scanner.PostJsonAsync("/api/v1/transfers", Transfer(("sku-1", 6), ("sku-2", 2)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "transfer-dispatch-failed");
        Assert.Equal("sku-2", (string?)problem["failedLine"]!["sku"]);
        Assert.Equal("insufficient-stock", (string?)problem["failedLine"]!["code"]);
        Assert.Null(problem["transfer"]);
        Assert.Equal(10, await OnHandAsync(_from, "sku-1"));
        Assert.Equal(1, await OnHandAsync(_from, "sku-2"));
        await (await _dashboard.GetAsync(Url)).AssertProblemAsync(HttpStatusCode.NotFound, "transfer-not-found");
    }

    [Fact]
    public async Task GivenATransferInTransit_WhenReceivingMoreThanIsInTransit_Then409OverReceiptAndNothingArrives()
    {
        await ReceiveAsync(_from, "sku-1", 10);
        await _scanner.PostJsonAsync("/api/v1/transfers", Transfer(("sku-1", 6)));

        var response = await _scanner.PostJsonAsync($"{Url}/receive", Receipt(Guid.NewGuid(), ("sku-1", 7)));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "over-receipt");
        Assert.Equal(0, await OnHandAsync(_to, "sku-1"));
    }

    [Fact]
    public async Task GivenAPartialReceipt_WhenCancelledWithoutABody_ThenTheRestGoesBackAndAReceiptIsRefused()
    {
        await ReceiveAsync(_from, "sku-1", 10);
        await _scanner.PostJsonAsync("/api/v1/transfers", Transfer(("sku-1", 6)));
        await _scanner.PostJsonAsync($"{Url}/receive", Receipt(Guid.NewGuid(), ("sku-1", 2)));

        var cancelled = await _scanner.PostAsync($"{Url}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var body = await cancelled.ReadObjectAsync();
        Assert.Equal("cancelled", (string?)body["status"]);
        Assert.Equal((2, 4), ((long)body["lines"]![0]!["received"]!, (long)body["lines"]![0]!["returned"]!));
        Assert.Equal(8, await OnHandAsync(_from, "sku-1"));
        var late = await _scanner.PostJsonAsync($"{Url}/receive", Receipt(Guid.NewGuid(), ("sku-1", 1)));
        await late.AssertProblemAsync(HttpStatusCode.Conflict, "transfer-not-in-transit");
    }

    [Fact]
    public async Task GivenNoSuchTransfer_WhenReadReceivedOrCancelled_Then404()
    {
        await (await _dashboard.GetAsync(Url)).AssertProblemAsync(HttpStatusCode.NotFound, "transfer-not-found");
        await (await _scanner.PostJsonAsync($"{Url}/receive", Receipt(Guid.NewGuid(), ("sku-1", 1)))).AssertProblemAsync(HttpStatusCode.NotFound, "transfer-not-found");
        await (await _scanner.PostJsonAsync($"{Url}/cancel", new { reason = "typo" })).AssertProblemAsync(HttpStatusCode.NotFound, "transfer-not-found");
    }

    public static TheoryData<string, string> InvalidTransfers => new()
    {
        { """{"transferId":"t 1","fromWarehouseId":"a","toWarehouseId":"b","lines":[{"sku":"s","quantity":1}]}""", "transferId" },
        { """{"transferId":"t-1","fromWarehouseId":"a","toWarehouseId":"a","lines":[{"sku":"s","quantity":1}]}""", "toWarehouseId" },
        { """{"transferId":"t-1","fromWarehouseId":"a","toWarehouseId":"b","lines":[]}""", "lines" },
        { """{"transferId":"t-1","fromWarehouseId":"a","toWarehouseId":"b","lines":[{"sku":"s","quantity":0}]}""", "lines[0].quantity" },
        { """{"transferId":"t-1","fromWarehouseId":"a","toWarehouseId":"b","lines":[{"sku":"s","quantity":1},{"sku":"s","quantity":2}]}""", "lines[1].sku" },
        { """{"transferId":"t-1","fromWarehouseId":"a","toWarehouseId":"b","lines":[null]}""", "lines[0]" },
    };

    [Theory]
    [MemberData(nameof(InvalidTransfers))]
    public async Task GivenAMalformedTransfer_WhenPosted_Then400NamesTheFieldAndNothingIsWritten(string json, string field)
    {
        var response = await _scanner.SendRawAsync(HttpMethod.Post, "/api/v1/transfers", Encoding.UTF8.GetBytes(json));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty(await fixture.Store.ReadStreamAsync("transfer:t-1", 0, 10));
    }

    [Fact]
    public async Task GivenAReceiptWithoutItsId_WhenPosted_Then400()
    {
        var response = await _scanner.PostJsonAsync($"{Url}/receive", new { lines = new[] { new { sku = "sku-1", quantity = 1 } } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
    }

    [Fact]
    public async Task GivenATransferInTransit_ThenBothWarehousesTheSkuAndTheOverviewShowIt_AndOnceLateItIsOverdue()
    {
        var sku = "sku-" + Guid.NewGuid().ToString("N")[..8];
        await ReceiveAsync(_from, sku, 10);
        var created = await _scanner.PostJsonAsync("/api/v1/transfers", Transfer((sku, 6)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await _scanner.PostJsonAsync($"{Url}/receive", Receipt(Guid.NewGuid(), (sku, 2)));

        var outgoing = await EventuallyAsync($"/api/v1/warehouses/{_from}/in-transit", body => (long)body["outgoingUnits"]! == 4);
        Assert.Equal((_transferId, sku, _to), ((string?)outgoing["outgoing"]![0]!["transferId"], (string?)outgoing["outgoing"]![0]!["sku"], (string?)outgoing["outgoing"]![0]!["toWarehouseId"]));
        Assert.Empty(outgoing["incoming"]!.AsArray());
        var incoming = await (await _dashboard.GetAsync($"/api/v1/warehouses/{_to}/in-transit")).ReadObjectAsync();
        Assert.Equal(4, (long)incoming["incomingUnits"]!);
        var stock = await EventuallyAsync($"/api/v1/skus/{sku}/stock", body => (long)body["inTransit"]! == 4 && (long)body["totals"]!["onHand"]! == 6);
        Assert.Equal(10, (long)stock["onHandAndInTransit"]!);
        var overview = await (await _dashboard.GetAsync("/api/v1/overview")).ReadObjectAsync();
        Assert.True((long)overview["inTransit"]!["units"]! >= 4);

        await Task.Delay(ApiFixture.TransferOverdueAfter + TimeSpan.FromMilliseconds(200));
        var overdue = await (await _dashboard.GetAsync("/api/v1/in-transit?overdue=true")).ReadObjectAsync();
        var mine = Assert.Single(overdue["inTransit"]!.AsArray(), t => (string?)t!["transferId"] == _transferId)!;
        Assert.True((bool)mine["overdue"]!);
        Assert.Equal(4, (long)mine["inTransit"]!);
        await (await _dashboard.GetAsync("/api/v1/in-transit?overdue=maybe")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
    }

    private async Task<JsonObject> EventuallyAsync(string url, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var body = await (await _dashboard.GetAsync(url)).ReadObjectAsync();
            if (done(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{url} never showed what was expected: {body.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    private object Transfer(params (string Sku, int Quantity)[] lines) =>
        new { transferId = _transferId, fromWarehouseId = _from, toWarehouseId = _to, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray() };

    private static object Receipt(Guid receiptId, params (string Sku, int Quantity)[] lines) =>
        new { receiptId, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray() };

    private async Task ReceiveAsync(string warehouseId, string sku, int quantity)
    {
        var response = await _scanner.PostJsonAsync("/api/v1/movements", new { movementId = Guid.NewGuid(), warehouseId, sku, type = "receive", quantity });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<long> OnHandAsync(string warehouseId, string sku)
    {
        var response = await _dashboard.GetAsync($"/api/v1/items/{warehouseId}/{sku}");
        return response.StatusCode == HttpStatusCode.NotFound ? 0 : (long)(await response.ReadObjectAsync())["onHand"]!;
    }
}
