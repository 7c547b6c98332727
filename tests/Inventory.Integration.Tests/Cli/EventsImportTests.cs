using Inventory.Cli;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Integration.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Integration.Tests.Cli;

/// <summary><c>events import</c>: a silo's ledger exported and imported into fresh databases, whole, again, in two goes,
/// and into a store that does not fit.</summary>
public sealed class EventsImportTests(CliSilo silo) : IClassFixture<CliSilo>, IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inventory-import-").FullName;
    private string _export = "";
    private List<StoredEvent> _source = [];

    public async Task InitializeAsync()
    {
        foreach (var warehouse in new[] { "wh-imp-a", "wh-imp-b" })
        {
            for (var sku = 1; sku <= 3; sku++)
            {
                var item = silo.Grains.GetGrain<IStockItemGrain>($"{warehouse}/sku-{sku}");
                await item.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 10 * sku });
                await item.ExecuteAsync(new ReserveStock { MovementId = Guid.NewGuid(), Quantity = sku, ReservationId = $"order-{sku}" });
                await item.ExecuteAsync(new PickStock { MovementId = Guid.NewGuid(), Quantity = sku, ReservationId = $"order-{sku}" });
                await item.ExecuteAsync(new AdjustStock { MovementId = Guid.NewGuid(), Delta = -1, Reason = "damaged" });
            }
        }

        _export = Path.Combine(_directory, "ledger.ndjson");
        var run = await OperatorTool.RunAsync("events", "export", "--output", _export, "--connection", silo.ConnectionString);
        Assert.Equal(OperatorCommands.Ok, run.Exit);
        _source = await RowsAsync(silo.ConnectionString);
    }

    [Fact]
    public async Task GivenAnExport_WhenImportedIntoAFreshDatabase_ThenTheSameRows_VerifyPasses_AndNewAppendsContinueAfter()
    {
        await using var target = new MigratedTestDatabase();
        await target.InitializeAsync();

        var run = await OperatorTool.RunAsync("events", "import", _export, "--batch-size", "7", "--connection", target.ConnectionString);
        var verify = await OperatorTool.RunAsync("verify", "--connection", target.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, run.Exit);
        Assert.Contains($"imported {_source.Count:N0} events (0 already present, {_source.Count:N0} in the file)", run.Output, StringComparison.Ordinal);
        Assert.Contains("the ledger is sound", run.Output, StringComparison.Ordinal);
        Assert.Equal(_source, await RowsAsync(target.ConnectionString));
        Assert.Equal(OperatorCommands.Ok, verify.Exit);
        Assert.Equal(_source[^1].GlobalPosition + 1, await AppendOneAsync(target.ConnectionString));
        Assert.True(await TransactionsFollowPositionsAsync(target.ConnectionString));
    }

    [Fact]
    public async Task GivenAnImportedExport_WhenImportedAgain_ThenNothingIsWritten()
    {
        await using var target = new MigratedTestDatabase();
        await target.InitializeAsync();
        Assert.Equal(OperatorCommands.Ok, (await OperatorTool.RunAsync("events", "import", _export, "--connection", target.ConnectionString)).Exit);

        var again = await OperatorTool.RunAsync("events", "import", _export, "--json", "--connection", target.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, again.Exit);
        var report = System.Text.Json.Nodes.JsonNode.Parse(again.Output)!;
        Assert.Equal(0, (long)report["import"]!["imported"]!);
        Assert.Equal(_source.Count, (long)report["import"]!["alreadyPresent"]!);
        Assert.Equal(0, (long)report["audit"]!["discrepancyCount"]!);
        Assert.Equal(_source, await RowsAsync(target.ConnectionString));
    }

    [Fact]
    public async Task GivenAnImportCutShort_WhenTheWholeFileIsImported_ThenItCompletes()
    {
        await using var target = new MigratedTestDatabase();
        await target.InitializeAsync();
        var lines = await File.ReadAllLinesAsync(_export);
        var half = Path.Combine(_directory, "half.ndjson");
        await File.WriteAllLinesAsync(half, lines.Take(lines.Length / 2));

        var first = await OperatorTool.RunAsync("events", "import", half, "--batch-size", "5", "--connection", target.ConnectionString);
        var rest = await OperatorTool.RunAsync("events", "import", _export, "--batch-size", "5", "--connection", target.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, first.Exit);
        Assert.Equal(OperatorCommands.Ok, rest.Exit);
        Assert.Contains($"imported {lines.Length - lines.Length / 2:N0} events ({lines.Length / 2:N0} already present", rest.Output, StringComparison.Ordinal);
        Assert.Equal(_source, await RowsAsync(target.ConnectionString));
    }

    [Fact]
    public async Task GivenAStoreHoldingOtherEvents_WhenImporting_ThenRefusedAndNothingWritten()
    {
        await using var target = new MigratedTestDatabase();
        await target.InitializeAsync();
        var onlyB = Path.Combine(_directory, "only-b.ndjson");
        Assert.Equal(OperatorCommands.Ok, (await OperatorTool.RunAsync("events", "export", "--warehouse", "wh-imp-b", "-o", onlyB, "--connection", silo.ConnectionString)).Exit);
        Assert.Equal(OperatorCommands.Ok, (await OperatorTool.RunAsync("events", "import", onlyB, "--connection", target.ConnectionString)).Exit);
        var before = await RowsAsync(target.ConnectionString);

        var run = await OperatorTool.RunAsync("events", "import", _export, "--connection", target.ConnectionString);

        Assert.Equal(OperatorCommands.Findings, run.Exit);
        Assert.Contains("Nothing imported: the store's event at position", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync(target.ConnectionString));
    }

    [Fact]
    public async Task GivenAStoreWithMoreThanTheFile_WhenImporting_ThenRefused()
    {
        await using var target = new MigratedTestDatabase();
        await target.InitializeAsync();
        Assert.Equal(OperatorCommands.Ok, (await OperatorTool.RunAsync("events", "import", _export, "--connection", target.ConnectionString)).Exit);
        var lines = await File.ReadAllLinesAsync(_export);
        var half = Path.Combine(_directory, "head.ndjson");
        await File.WriteAllLinesAsync(half, lines.Take(3));

        var run = await OperatorTool.RunAsync("events", "import", half, "--connection", target.ConnectionString);

        Assert.Equal(OperatorCommands.Findings, run.Exit);
        Assert.Contains("the store holds events after the file's last", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAFileOutOfOrderOrBroken_WhenImporting_ThenRefusedAndNothingWritten()
    {
        await using var target = new MigratedTestDatabase();
        await target.InitializeAsync();
        var lines = await File.ReadAllLinesAsync(_export);
        var swapped = Path.Combine(_directory, "swapped.ndjson");
        await File.WriteAllLinesAsync(swapped, [lines[1], lines[0], .. lines.Skip(2)]);
        var broken = Path.Combine(_directory, "broken.ndjson");
        await File.WriteAllLinesAsync(broken, [.. lines.Take(4), lines[4][..(lines[4].Length / 2)], .. lines.Skip(5)]);

        var outOfOrder = await OperatorTool.RunAsync("events", "import", swapped, "--connection", target.ConnectionString);
        var cut = await OperatorTool.RunAsync("events", "import", broken, "--connection", target.ConnectionString);
        var missing = await OperatorTool.RunAsync("events", "import", Path.Combine(_directory, "none.ndjson"), "--connection", target.ConnectionString);

        Assert.Equal(OperatorCommands.Findings, outOfOrder.Exit);
        Assert.Contains("line 2: position", outOfOrder.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Findings, cut.Exit);
        Assert.Contains("line 5: not an exported event", cut.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Refused, missing.Exit);
        Assert.Empty(await RowsAsync(target.ConnectionString));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Every row, every column but transaction_id, in position order.</summary>
    private static async Task<List<StoredEvent>> RowsAsync(string connectionString) =>
        [.. (await Ledger.ReadAsync(connectionString, "")).OrderBy(e => e.GlobalPosition)];

    /// <summary>The position a new row gets from the identity.</summary>
    private static async Task<long> AppendOneAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO events (stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at)
            SELECT 'wh-after/sku-1', 1, gen_random_uuid(), m.id, 'stock-received', 1,
                   jsonb_build_object('movementId', m.id, 'recordedAt', '2026-12-05T10:00:00+00:00', 'quantity', 1, 'onHandAfter', 1, 'reservedAfter', 0),
                   '{}', now()
            FROM (SELECT gen_random_uuid() AS id) AS m
            RETURNING global_position
            """);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>True when ordering by transaction id and by position give the same order (the global log's reading order).</summary>
    private static async Task<bool> TransactionsFollowPositionsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT bool_and(by_tx = by_pos) FROM (
                SELECT row_number() OVER (ORDER BY transaction_id, global_position) AS by_tx, row_number() OVER (ORDER BY global_position) AS by_pos
                FROM events) AS o
            """);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
