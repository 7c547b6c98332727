using System.Text.Json.Nodes;
using Inventory.Cli;
using Inventory.Contracts.StockItems;
using Npgsql;

namespace Inventory.Integration.Tests.Cli;

/// <summary><c>schemas list | show | check</c>: the registered schemas from the tool, and the stored rows checked against
/// them on a real PostgreSQL ledger.</summary>
public sealed class SchemasCommandTests(CliSilo silo) : IClassFixture<CliSilo>
{
    [Fact]
    public async Task GivenTheRegisteredSchemas_WhenListedAndShown_ThenEveryVersionWithItsStatus_AndAnUnknownOneRefused()
    {
        var list = await OperatorTool.RunAsync("schemas", "list");
        var listed = await OperatorTool.RunAsync("schemas", "list", "--json");
        var show = await OperatorTool.RunAsync("schemas", "show", "stock-adjusted", "1");
        var unknown = await OperatorTool.RunAsync("schemas", "show", "stock-adjusted", "9");

        Assert.Equal(OperatorCommands.Ok, list.Exit);
        Assert.Matches(@"event\s+stock-adjusted\s+v1\s+superseded\s+schemas/events/stock-adjusted\.v1\.schema\.json", list.Output);
        Assert.Matches(@"event\s+stock-adjusted\s+v2\s+current", list.Output);
        Assert.Contains(JsonNode.Parse(listed.Output)!.AsArray(), d => (string?)d!["type"] == "stock-item" && (string?)d["kind"] == "snapshot");
        Assert.Equal(OperatorCommands.Ok, show.Exit);
        Assert.Equal("https://inventory.example/schemas/events/stock-adjusted.v1.schema.json", (string?)JsonNode.Parse(show.Output)!["$id"]);
        Assert.Equal(OperatorCommands.Refused, unknown.Exit);
    }

    [Fact]
    public async Task GivenALedgerWrittenByTheSilo_WhenChecked_ThenSound_AndARowChangedByHandIsNamed()
    {
        var key = $"wh-schemas-{Guid.NewGuid():N}"[..20] + "/sku-1";
        var item = silo.Grains.GetGrain<IStockItemGrain>(key);
        await item.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 5 });
        await item.ExecuteAsync(new AdjustStock { MovementId = Guid.NewGuid(), Delta = -1, Reason = "damaged" });

        var sound = await OperatorTool.RunAsync("schemas", "check", "--connection", silo.ConnectionString);
        await using (var connection = new NpgsqlConnection(silo.ConnectionString))
        {
            await connection.OpenAsync();
            await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await replica.ExecuteNonQueryAsync();
            await using var tamper = new NpgsqlCommand("UPDATE events SET data = data || '{\"lot\":\"A-1\"}' WHERE stream_id = $1 AND version = 2", connection);
            tamper.Parameters.Add(new NpgsqlParameter { Value = key });
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var caught = await OperatorTool.RunAsync("schemas", "check", "--connection", silo.ConnectionString);
        await using (var connection = new NpgsqlConnection(silo.ConnectionString))
        {
            // Put it back: the test database's own audit on dispose would refuse it too.
            await connection.OpenAsync();
            await using var replica = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await replica.ExecuteNonQueryAsync();
            await using var repair = new NpgsqlCommand("UPDATE events SET data = data - 'lot' WHERE stream_id = $1 AND version = 2", connection);
            repair.Parameters.Add(new NpgsqlParameter { Value = key });
            await repair.ExecuteNonQueryAsync();
        }

        Assert.Equal(OperatorCommands.Ok, sound.Exit);
        Assert.Contains("0 did not match", sound.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Findings, caught.Exit);
        Assert.Contains($"events {key} v2: stock-adjusted v2 does not match its registered schema", caught.Output, StringComparison.Ordinal);
    }
}
