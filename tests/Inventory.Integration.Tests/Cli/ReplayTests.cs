using System.Text.Json.Nodes;
using Inventory.Cli;
using Inventory.Contracts.StockItems;
using Inventory.Integration.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Integration.Tests.Cli;

/// <summary><c>replay</c>: a stream's events and the state after each, whole, to a version, as of a time, through the upcasters.</summary>
public sealed class ReplayTests(CliSilo silo) : IClassFixture<CliSilo>
{
    [Fact]
    public async Task GivenAStream_WhenReplayed_ThenEachEventWithTheStateAfterIt()
    {
        var key = await SeedAsync();

        var run = await OperatorTool.RunAsync("replay", key, "--connection", silo.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, run.Exit);
        var afters = run.Output.Split('\n').Where(l => l.StartsWith("    after: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "    after: on hand 10, reserved 0, available 10, reorder point 0, reservations: none",
            "    after: on hand 10, reserved 4, available 6, reorder point 0, reservations: order-1 4",
            "    after: on hand 7, reserved 1, available 6, reorder point 0, reservations: order-1 1",
            "    after: on hand 9, reserved 1, available 8, reorder point 0, reservations: order-1 1",
        ], afters);
        Assert.Contains("v3  position ", run.Output, StringComparison.Ordinal);
        Assert.Contains("stock-picked (schema 1)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenToVersionOrAsOf_WhenReplayed_ThenItStopsThere()
    {
        var key = await SeedAsync();
        var third = (await Ledger.ReadAsync(silo.ConnectionString, key)).Single(e => e.Version == 3);

        var toVersion = await OperatorTool.RunAsync("replay", key, "--to-version", "2", "--json", "--connection", silo.ConnectionString);
        var asOf = await OperatorTool.RunAsync("replay", key, "--as-of", third.RecordedAt.ToString("O"), "--json", "--connection", silo.ConnectionString);
        var before = await OperatorTool.RunAsync("replay", key, "--as-of", third.RecordedAt.AddYears(-1).ToString("O"), "--connection", silo.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, toVersion.Exit);
        var two = Lines(toVersion.Output);
        Assert.Equal([1, 2], two.Select(l => (int)l["version"]!));
        Assert.Equal(4, (long)two[^1]["state"]!["reserved"]!);
        Assert.Equal(4, (long)two[^1]["state"]!["reservations"]!["order-1"]!);
        Assert.Equal(OperatorCommands.Ok, asOf.Exit);
        var three = Lines(asOf.Output);
        Assert.Equal([1, 2, 3], three.Select(l => (int)l["version"]!));
        Assert.Equal(7, (long)three[^1]["state"]!["onHand"]!);
        Assert.Equal(third.GlobalPosition, (long)three[^1]["position"]!);
        Assert.True((bool)three[^1]["agreesWithEvent"]!);
        Assert.Equal(OperatorCommands.Findings, before.Exit);
        Assert.Contains("has no events by then", before.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAnOldSchemaEvent_WhenReplayed_ThenUpcastAndFolded()
    {
        var key = $"wh-rep-{Guid.NewGuid():N}"[..16] + "/sku-old";
        await InsertAsync(key, 1, "stock-received", 1, """{"quantity": 10, "onHandAfter": 10, "reservedAfter": 0}""");
        await InsertAsync(key, 2, "stock-adjusted", 1, """{"quantity": 3, "direction": "decrease", "reason": "damaged", "onHandAfter": 7, "reservedAfter": 0}""");

        var run = await OperatorTool.RunAsync("replay", key, "--json", "--connection", silo.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, run.Exit);
        var adjusted = Lines(run.Output)[1];
        Assert.Equal(1, (int)adjusted["schemaVersion"]!);
        Assert.Equal(-3, (int)adjusted["data"]!["delta"]!);
        Assert.Null(adjusted["data"]!["direction"]);
        Assert.Equal(7, (long)adjusted["state"]!["onHand"]!);
    }

    [Fact]
    public async Task GivenNoSuchStreamOrBothLimits_WhenReplayed_ThenFindingOrRefused()
    {
        var missing = await OperatorTool.RunAsync("replay", "wh-none/sku-none", "--connection", silo.ConnectionString);
        var both = await OperatorTool.RunAsync("replay", "wh-none/sku-none", "--to-version", "1", "--as-of", "2026-01-01T00:00:00Z", "--connection", silo.ConnectionString);

        Assert.Equal(OperatorCommands.Findings, missing.Exit);
        Assert.Contains("wh-none/sku-none has no events.", missing.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Refused, both.Exit);
        Assert.Contains("Give --to-version or --as-of, not both.", both.Output, StringComparison.Ordinal);
    }

    private async Task<string> SeedAsync()
    {
        var key = $"wh-rep-{Guid.NewGuid():N}"[..16] + "/sku-1";
        var item = silo.Grains.GetGrain<IStockItemGrain>(key);
        await item.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 10 });
        await item.ExecuteAsync(new ReserveStock { MovementId = Guid.NewGuid(), Quantity = 4, ReservationId = "order-1" });
        await item.ExecuteAsync(new PickStock { MovementId = Guid.NewGuid(), Quantity = 3, ReservationId = "order-1" });
        await item.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 2 });
        return key;
    }

    private async Task InsertAsync(string stream, int version, string type, int schemaVersion, string data)
    {
        await using var dataSource = NpgsqlDataSource.Create(silo.ConnectionString);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO events (stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at)
            VALUES ($1, $2, gen_random_uuid(), $6, $3, $4, $5::jsonb || jsonb_build_object('recordedAt', now(), 'movementId', $6), '{}', now())
            """);
        foreach (var value in new object[] { stream, version, type, schemaVersion, data, Guid.NewGuid() })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }

    private static List<JsonNode> Lines(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)];
}
