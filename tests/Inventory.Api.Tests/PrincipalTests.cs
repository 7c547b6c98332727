using System.Net;
using System.Text.Json.Nodes;
using Inventory.EventStore;
using Inventory.StockItems;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

/// <summary>Who, on every event: the key's name (never the key) goes from each write endpoint into the events' metadata,
/// and comes back in an item's history, a transfer's history and the recent movements view; old events show null.</summary>
[Collection(ApiCollection.Name)]
public sealed class PrincipalTests(ApiFixture fixture)
{
    private const string ScannerName = "scanner-1";
    private const string OperatorName = "operator-1";

    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);
    private readonly HttpClient _operator = fixture.Client(TestKeys.Operator);
    private readonly HttpClient _dashboard = fixture.Client(TestKeys.Dashboard);

    [Fact]
    public async Task GivenAMovementPostedWithAScannerKey_WhenHistoryAndRecentMovementsAreRead_ThenBothShowTheKeysNameNotTheKey()
    {
        var item = TestItem.New();
        var posted = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 4));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var position = (long)(await posted.ReadObjectAsync())["position"]!;

        var history = await (await _dashboard.GetAsync($"{item.Url}/events")).ReadObjectAsync();
        var recent = await _dashboard.GetAsync($"/api/v1/warehouses/{item.WarehouseId}/movements?minPosition={position}");

        Assert.Equal(ScannerName, (string?)Assert.Single(history["events"]!.AsArray())!["principal"]);
        var movement = Assert.Single((await recent.ReadObjectAsync())["movements"]!.AsArray())!;
        Assert.Equal(ScannerName, (string?)movement["principal"]);
        var stored = Assert.Single(await fixture.Store.ReadStreamAsync(item.Key, 0, 10));
        Assert.Equal(ScannerName, (string?)JsonNode.Parse(stored.Metadata)!["principal"]);
        Assert.DoesNotContain(TestKeys.Scanner, stored.Metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAMovementRetriedUnderAnotherKey_ThenItIsAnsweredAsARetryAndKeepsItsFirstPrincipal()
    {
        var item = TestItem.New() with { WarehouseId = TestKeys.ScopedWarehouse };
        var id = Guid.NewGuid();
        using var scoped = fixture.Client(TestKeys.ScopedScanner);

        var first = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 3, id));
        var retry = await scoped.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 3, id));
        var reused = await scoped.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 4, id));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await reused.AssertProblemAsync(HttpStatusCode.Conflict, "movement-id-reused");
        var entry = Assert.Single(await fixture.HistoryAsync(item));
        Assert.Equal(ScannerName, entry.Principal);
    }

    [Fact]
    public async Task GivenABatchAndAReorderPoint_ThenEachEventHasThePrincipalOfTheKeyThatSentIt()
    {
        var item = TestItem.New();
        var batch = await _scanner.PostJsonAsync("/api/v1/movements/batch", new { movements = new[] { Movement(item, "receive", 5), Movement(item, "pick", 2) } });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);

        var reorder = await _operator.PutJsonAsync($"{item.Url}/reorder-point", new { reorderPoint = 2, movementId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Created, reorder.StatusCode);
        Assert.Equal([("stock-received", ScannerName), ("stock-picked", ScannerName), ("reorder-point-set", OperatorName)],
            (await fixture.HistoryAsync(item)).Select(e => (e.Type, e.Principal)));
    }

    [Fact]
    public async Task GivenATransferStartedByTheScannerAndCancelledByTheOperator_ThenItsEventsAndTheItemEventsItCausedCarryWhoDroveEachPart()
    {
        var from = "wh-" + Guid.NewGuid().ToString("N")[..8];
        var to = "wh-" + Guid.NewGuid().ToString("N")[..8];
        var transferId = "t-" + Guid.NewGuid().ToString("N")[..12];
        var source = new TestItem(from, "sku-1");
        Assert.Equal(HttpStatusCode.Created, (await _scanner.PostJsonAsync("/api/v1/movements", Movement(source, "receive", 10))).StatusCode);

        var started = await _scanner.PostJsonAsync("/api/v1/transfers",
            new { transferId, fromWarehouseId = from, toWarehouseId = to, lines = new[] { new { sku = "sku-1", quantity = 6 } } });
        var cancelled = await _operator.PostJsonAsync($"/api/v1/transfers/{transferId}/cancel", new { reason = "wrong truck" });

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var transfer = await (await _dashboard.GetAsync($"/api/v1/transfers/{transferId}")).ReadObjectAsync();
        var history = transfer["history"]!.AsArray().Select(e => ((string)e!["type"]!, (string?)e["principal"])).ToList();
        Assert.Equal(ScannerName, history.Single(e => e.Item1 == "transfer-requested").Item2);
        Assert.Equal(ScannerName, history.Single(e => e.Item1 == "transfer-line-dispatched").Item2);
        Assert.Equal(OperatorName, history.Single(e => e.Item1 == "transfer-cancel-requested").Item2);
        Assert.Equal(OperatorName, history.Single(e => e.Item1 == "transfer-line-returned").Item2);
        Assert.Equal([("stock-received", ScannerName), ("transfer-dispatched", ScannerName), ("transfer-returned", OperatorName)],
            (await fixture.HistoryAsync(source)).Select(e => (e.Type, e.Principal)));
    }

    [Fact]
    public async Task GivenAnOrderReservedByTheScannerAndPickedByTheOperator_ThenItsEventsAndTheItemEventsItCausedCarryWhoDroveEachPart()
    {
        var warehouse = "wh-" + Guid.NewGuid().ToString("N")[..8];
        var orderId = "o-" + Guid.NewGuid().ToString("N")[..12];
        var item = new TestItem(warehouse, "sku-1");
        Assert.Equal(HttpStatusCode.Created, (await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 10))).StatusCode);

        var reserved = await _scanner.PostJsonAsync($"/api/v1/orders/{orderId}/reservations",
            new { warehouseId = warehouse, lines = new[] { new { sku = "sku-1", quantity = 4 } } });
        var picked = await _operator.PostJsonAsync($"/api/v1/orders/{orderId}/pick", new { pickId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, picked.StatusCode);
        var order = await (await _dashboard.GetAsync($"/api/v1/orders/{orderId}")).ReadObjectAsync();
        Assert.Equal(
            [("order-requested", ScannerName), ("order-line-reserved", ScannerName), ("order-pick-accepted", OperatorName),
             ("order-line-picked", OperatorName), ("order-fulfilled", OperatorName)],
            order["history"]!.AsArray().Select(e => ((string)e!["type"]!, (string?)e["principal"])));
        Assert.Equal([("stock-received", ScannerName), ("stock-reserved", ScannerName), ("stock-picked", OperatorName)],
            (await fixture.HistoryAsync(item)).Select(e => (e.Type, e.Principal)));
    }

    [Fact]
    public async Task GivenAnEventStoredBeforePrincipalsWereKept_WhenHistoryIsRead_ThenItsPrincipalIsNull()
    {
        var item = TestItem.New();
        var movementId = Guid.NewGuid();
        const string v2Metadata = """{"scannerId":"old-scanner","occurredAt":null,"correlationId":null,"causationId":"x","command":"receive:2"}""";
        var stream = new StockItemStream(fixture.Store, item.Key);
        var received = new StockReceived { MovementId = movementId, RecordedAt = DateTimeOffset.UnixEpoch.AddYears(55), Quantity = 2, OnHandAfter = 2, ReservedAfter = 0 };
        var data = Assert.Single(stream.ToEventData([(received, new EventMetadata())])) with { Metadata = v2Metadata };
        var appended = await stream.AppendAsync(0, [data]);
        Assert.Equal(AppendStatus.Appended, appended.Status);

        var later = await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));
        var history = await (await _dashboard.GetAsync($"{item.Url}/events")).ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        var events = history["events"]!.AsArray();
        Assert.Equal(2, events.Count);
        Assert.True(events[0]!.AsObject().ContainsKey("principal"));
        Assert.Null((string?)events[0]!["principal"]);
        Assert.Equal("old-scanner", (string?)events[0]!["scannerId"]);
        Assert.Equal(ScannerName, (string?)events[1]!["principal"]);
    }
}
