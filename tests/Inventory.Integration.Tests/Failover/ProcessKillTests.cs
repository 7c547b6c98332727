using System.Collections.Concurrent;
using System.Diagnostics;
using Inventory.Contracts.Orders;
using Inventory.Contracts.StockItems;
using Inventory.Contracts.Transfers;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.Orders;
using Inventory.Transfers;
using Npgsql;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Failover;

/// <summary>
/// Workers keep starting, receiving and cancelling transfers between three warehouses, and reserving, picking and
/// releasing orders, on two silo processes over PostgreSQL; one silo is SIGKILLed in the middle. Afterwards, before
/// anyone calls them again, every transfer and order the kill interrupted finishes its step by itself (its reminder,
/// from the other silo); then the failed calls are retried with the same ids, every transfer and order is ended, and
/// plain SQL over the ledger shows that no unit was created, lost or left held: for every transfer and SKU, received +
/// returned never exceeded dispatched at any point and nothing is left in transit; every SKU's stock across the
/// warehouses plus what orders picked is what was received at the start; nothing is reserved any more.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ProcessKillTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const int Workers = 6;
    private const int OrderWorkers = 4;
    private const int Skus = 10;
    private const int Stock = 100_000;
    private static readonly string[] Warehouses = ["wh-tk-a", "wh-tk-b", "wh-tk-c"];
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(120);

    private readonly SiloCluster _cluster = new(database, output, "transfer-kill");

    [Fact]
    public async Task GivenTransfersAndOrdersUnderWay_WhenASiloIsKilled_ThenInterruptedOnesFinishByThemselvesAndNoUnitIsCreatedLostOrLeftHeld()
    {
        await _cluster.StartSilosAsync(2, new Dictionary<string, string> { ["Inventory__Processes__ResumeInterval"] = "00:00:03" });
        var grains = await _cluster.StartClientAsync();
        foreach (var warehouse in Warehouses)
        {
            await Task.WhenAll(Enumerable.Range(0, Skus).Select(i =>
                grains.GetGrain<IStockItemGrain>($"{warehouse}/sku-{i}").ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = Stock })));
        }

        var requests = new ConcurrentDictionary<string, StartTransfer>();
        var failed = new ConcurrentQueue<(string TransferId, Func<ITransferGrain, Task<TransferResult>> Call)>();
        var clock = Stopwatch.StartNew();
        var calls = 0;
        var orders = new ConcurrentDictionary<string, ReserveOrder>();
        var failedOrders = new ConcurrentQueue<(string OrderId, Func<IOrderGrain, Task<OrderResult>> Call)>();
        var orderLoad = Task.WhenAll(Enumerable.Range(0, OrderWorkers).Select(async worker =>
        {
            var random = new Random(1000 + worker);
            for (var n = 0; clock.Elapsed < LoadBeforeKill + LoadAfterKill; n++)
            {
                var id = $"ok-{worker}-{n}";
                var reserve = new ReserveOrder
                {
                    WarehouseId = Warehouses[random.Next(Warehouses.Length)],
                    Lines = [.. Enumerable.Range(0, Skus).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(i => new OrderLine($"sku-{i}", random.Next(1, 20)))],
                };
                orders[id] = reserve;
                var reserved = await TryAsync(grains, id, g => g.ReserveAsync(reserve), failedOrders);
                if (reserved?.Order?.Status != OrderStatuses.Reserved)
                {
                    continue;
                }

                // Half are picked whole, a quarter in part (the rest released), a quarter released.
                switch (random.Next(4))
                {
                    case 0 or 1:
                        await TryAsync(grains, id, g => g.PickAsync(new PickOrder { PickId = Guid.NewGuid() }), failedOrders);
                        break;
                    case 2:
                        var part = new PickOrder { PickId = Guid.NewGuid(), Lines = [.. reserve.Lines.Select(l => l with { Quantity = (l.Quantity + 1) / 2 })] };
                        await TryAsync(grains, id, g => g.PickAsync(part), failedOrders);
                        await TryAsync(grains, id, g => g.ReleaseAsync(new ReleaseOrder()), failedOrders);
                        break;
                    default:
                        await TryAsync(grains, id, g => g.ReleaseAsync(new ReleaseOrder()), failedOrders);
                        break;
                }
            }
        }));
        var load = Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            var random = new Random(worker);
            for (var n = 0; clock.Elapsed < LoadBeforeKill + LoadAfterKill; n++)
            {
                var id = $"tk-{worker}-{n}";
                var from = random.Next(Warehouses.Length);
                var request = new StartTransfer
                {
                    FromWarehouseId = Warehouses[from],
                    ToWarehouseId = Warehouses[(from + 1 + random.Next(Warehouses.Length - 1)) % Warehouses.Length],
                    Lines = [.. Enumerable.Range(0, Skus).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(i => new TransferLine($"sku-{i}", random.Next(1, 20)))],
                };
                requests[id] = request;
                var started = await TryAsync(grains, id, g => g.StartAsync(request), failed);
                Interlocked.Increment(ref calls);
                if (started?.Transfer?.Status != TransferStatuses.InTransit)
                {
                    continue;
                }

                // Half arrive whole, a quarter in part (the rest is cancelled), a quarter are cancelled on the road.
                switch (random.Next(4))
                {
                    case 0 or 1:
                        await TryAsync(grains, id, g => g.ReceiveAsync(Receipt(request.Lines)), failed);
                        break;
                    case 2:
                        await TryAsync(grains, id, g => g.ReceiveAsync(Receipt([.. request.Lines.Select(l => l with { Quantity = (l.Quantity + 1) / 2 })])), failed);
                        await TryAsync(grains, id, g => g.CancelAsync(new CancelTransfer { Reason = "rest not coming" }), failed);
                        break;
                    default:
                        await TryAsync(grains, id, g => g.CancelAsync(new CancelTransfer()), failed);
                        break;
                }
            }
        }));

        await Task.Delay(LoadBeforeKill);
        var victim = _cluster.Silos[0];
        victim.Kill();
        output.WriteLine($"SIGKILL of {victim.Name} after {calls} transfers started.");
        await Task.Delay(TimeSpan.FromSeconds(1));
        List<string> interrupted = [.. await UnfinishedStepsAsync(requests.Keys), .. await UnfinishedOrderStepsAsync(orders.Keys)];
        output.WriteLine($"1 s after the kill, {interrupted.Count} transfer(s) and order(s) had a step pending: {string.Join(", ", interrupted.Take(10))}");
        await load;
        await orderLoad;
        output.WriteLine($"Load over: {requests.Count} transfers ({failed.Count} calls failed), {orders.Count} orders ({failedOrders.Count} calls failed).");
        Assert.False(failed.IsEmpty && failedOrders.IsEmpty, "The kill disrupted no call: the drill did not test a failover.");

        // Nobody calls them now: every interrupted transfer must finish its step by itself.
        var settled = await Wait.UntilAsync(async () => (await UnfinishedStepsAsync(requests.Keys)).Count == 0 && (await UnfinishedOrderStepsAsync(orders.Keys)).Count == 0,
            SettleBound, "every transfer and order interrupted by the kill finished its pending step by itself");
        output.WriteLine($"Every transfer quiescent {settled.TotalSeconds:F1} s after the load; of those pending after the kill, "
            + $"{interrupted.Count} finished by themselves.");

        // The callers retry what failed, with the same ids; then every transfer still on the road is cancelled.
        while (failed.TryDequeue(out var call))
        {
            var result = await call.Call(grains.GetGrain<ITransferGrain>(call.TransferId)).WaitAsync(CallTimeout);
            Assert.True(result.Rejection is null or { Code: TransferRejectionCodes.DispatchFailed or TransferRejectionCodes.NotInTransit or TransferRejectionCodes.AlreadyCompleted },
                $"{call.TransferId}: {result.Rejection}");
        }

        while (failedOrders.TryDequeue(out var call))
        {
            var result = await call.Call(grains.GetGrain<IOrderGrain>(call.OrderId)).WaitAsync(CallTimeout);
            Assert.True(result.Rejection is null or { Code: OrderRejectionCodes.ReservationFailed or OrderRejectionCodes.NotReserved or OrderRejectionCodes.AlreadyFulfilled or OrderRejectionCodes.NothingToPick },
                $"{call.OrderId}: {result.Rejection}");
        }

        foreach (var id in orders.Keys)
        {
            var order = await grains.GetGrain<IOrderGrain>(id).GetAsync().WaitAsync(CallTimeout);
            if (order is { Status: OrderStatuses.Reserved or OrderStatuses.Picking })
            {
                Assert.Equal(OrderStatuses.Released, (await grains.GetGrain<IOrderGrain>(id).ReleaseAsync(new ReleaseOrder()).WaitAsync(CallTimeout)).Order!.Status);
            }
        }

        foreach (var id in requests.Keys)
        {
            var transfer = await grains.GetGrain<ITransferGrain>(id).GetAsync().WaitAsync(CallTimeout);
            if (transfer is { Status: TransferStatuses.InTransit })
            {
                Assert.Equal(TransferStatuses.Cancelled, (await grains.GetGrain<ITransferGrain>(id).CancelAsync(new CancelTransfer()).WaitAsync(CallTimeout)).Transfer!.Status);
            }
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var breaches = await ConservationBreachesAsync(connection);
        output.WriteLine($"Conservation check over {await ScalarAsync(connection, "SELECT count(DISTINCT data->>'transferId') FROM events WHERE type = 'transfer-dispatched'")} dispatched transfers: {breaches.Count} breach(es).");
        Assert.Empty(breaches);
        // Every unit is on a shelf or was picked by an order; nothing is reserved any more (only orders reserved).
        var totals = await StockBySkuAsync(connection);
        Assert.Equal(Enumerable.Range(0, Skus).Select(i => ($"sku-{i}", (long)Stock * Warehouses.Length, 0L)), totals);
        var moved = await ScalarAsync(connection, "SELECT count(*) FROM events WHERE type = 'transfer-received'");
        output.WriteLine($"{moved} receipt lines, {await ScalarAsync(connection, "SELECT count(*) FROM events WHERE type = 'transfer-returned'")} returns in the ledger.");
        Assert.True(moved > 0);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    private static ReceiveTransferLines Receipt(IReadOnlyList<TransferLine> lines) => new() { ReceiptId = Guid.NewGuid(), Lines = lines };

    private static async Task<TResult?> TryAsync<TGrain, TResult>(IClusterClient grains, string id, Func<TGrain, Task<TResult>> call,
        ConcurrentQueue<(string, Func<TGrain, Task<TResult>>)> failed)
        where TGrain : IGrainWithStringKey
        where TResult : class
    {
        try
        {
            return await call(grains.GetGrain<TGrain>(id)).WaitAsync(CallTimeout);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or OperationCanceledException or StorageUnavailableException)
        {
            failed.Enqueue((id, call));
            return null;
        }
    }

    /// <summary>Transfers whose log (read straight from PostgreSQL and folded) has a step still to take.</summary>
    private async Task<List<string>> UnfinishedStepsAsync(IEnumerable<string> ids)
    {
        var events = await Ledger.ReadAsync(database.ConnectionString, TransferStream.Prefix + "tk-");
        var byStream = events.GroupBy(e => e.StreamId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Version).Select(TransferEventTypes.Serializer.Deserialize).ToList());
        return [.. ids.Where(id => byStream.TryGetValue(TransferStream.Id(id), out var log) && TransferProcess.Next(TransferState.Fold(log), DateTimeOffset.UtcNow) is not null)];
    }

    /// <summary>Orders whose log (read straight from PostgreSQL and folded) has a step still to take.</summary>
    private async Task<List<string>> UnfinishedOrderStepsAsync(IEnumerable<string> ids)
    {
        var events = await Ledger.ReadAsync(database.ConnectionString, OrderStream.Prefix + "ok-");
        var byStream = events.GroupBy(e => e.StreamId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Version).Select(OrderEventTypes.Serializer.Deserialize).ToList());
        return [.. ids.Where(id => byStream.TryGetValue(OrderStream.Id(id), out var log) && OrderProcess.Next(OrderState.Fold(log), DateTimeOffset.UtcNow) is not null)];
    }

    /// <summary>Plain SQL: (transfer, SKU) pairs whose running in-transit quantity went below zero in log order, or did
    /// not end at zero.</summary>
    private static async Task<List<string>> ConservationBreachesAsync(NpgsqlConnection connection)
    {
        const string sql = """
            WITH moves AS (
                SELECT data->>'transferId' AS transfer_id, split_part(stream_id, '/', 2) AS sku, global_position,
                       CASE type WHEN 'transfer-dispatched' THEN (data->>'quantity')::bigint ELSE -(data->>'quantity')::bigint END AS delta
                FROM events WHERE type IN ('transfer-dispatched', 'transfer-received', 'transfer-returned')
            )
            SELECT transfer_id || ' ' || sku || ': lowest ' || min(running) || ', left ' || sum(delta)
            FROM (SELECT transfer_id, sku, delta, sum(delta) OVER (PARTITION BY transfer_id, sku ORDER BY global_position) AS running FROM moves) m
            GROUP BY transfer_id, sku
            HAVING min(running) < 0 OR sum(delta) <> 0
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var breaches = new List<string>();
        while (await reader.ReadAsync())
        {
            breaches.Add(reader.GetString(0));
        }

        return breaches;
    }

    /// <summary>Plain SQL: per SKU over the three warehouses, on hand plus everything picked (from every item's last
    /// event and the picks), and what is still reserved.</summary>
    private static async Task<List<(string Sku, long OnHandAndPicked, long Reserved)>> StockBySkuAsync(NpgsqlConnection connection)
    {
        const string sql = """
            SELECT last.sku, last.on_hand + coalesce(picked.units, 0), last.reserved
            FROM (SELECT split_part(stream_id, '/', 2) AS sku, sum((data->>'onHandAfter')::bigint) AS on_hand, sum((data->>'reservedAfter')::bigint) AS reserved
                  FROM (SELECT DISTINCT ON (stream_id) stream_id, data FROM events WHERE stream_id LIKE 'wh-tk-%' ORDER BY stream_id, version DESC) l
                  GROUP BY 1) last
            LEFT JOIN (SELECT split_part(stream_id, '/', 2) AS sku, sum((data->>'quantity')::bigint) AS units
                       FROM events WHERE stream_id LIKE 'wh-tk-%' AND type = 'stock-picked' GROUP BY 1) picked ON picked.sku = last.sku
            ORDER BY 1
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var totals = new List<(string, long, long)>();
        while (await reader.ReadAsync())
        {
            totals.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return totals;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
