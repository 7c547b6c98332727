using System.Text.Json.Nodes;
using Inventory.Cli;
using Inventory.Contracts.StockItems;
using Npgsql;

namespace Inventory.Integration.Tests.Cli;

/// <summary><c>snapshots rebuild</c> and <c>snapshots prune</c> on a silo's ledger (the silo snapshots every third event),
/// and their confirmation.</summary>
public sealed class SnapshotsTests(CliSilo silo) : IClassFixture<CliSilo>
{
    [Fact]
    public async Task GivenSnapshotsPruned_WhenRebuilt_ThenEachStreamHasOneAtItsHeadInTheSilosFormat_AndVerifyChecksThem()
    {
        var warehouse = await SeedAsync();
        var siloWritten = await SnapshotAsync($"{warehouse}/sku-c");
        Assert.Equal(3, siloWritten?.Version);

        var prune = await OperatorTool.RunAsync("snapshots", "prune", "--all", "--yes", "--connection", silo.ConnectionString);
        var afterPrune = await ScalarAsync("SELECT count(*) FROM snapshots");
        var rebuild = await OperatorTool.RunAsync("snapshots", "rebuild", "--yes", "--json", "--connection", silo.ConnectionString);
        var verify = await OperatorTool.RunAsync("verify", "--json", "--connection", silo.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, prune.Exit);
        Assert.Matches(@"^\d+ snapshots deleted", prune.Output);
        Assert.Equal(0, afterPrune);
        Assert.Equal(OperatorCommands.Ok, rebuild.Exit);
        var streams = await ScalarAsync("SELECT count(DISTINCT stream_id) FROM events");
        Assert.Equal(streams, (long)JsonNode.Parse(rebuild.Output)!["written"]!);
        Assert.Equal(streams, await ScalarAsync("SELECT count(*) FROM snapshots s WHERE s.version = (SELECT max(version) FROM events e WHERE e.stream_id = s.stream_id)"));
        Assert.Equal(4, (await SnapshotAsync($"{warehouse}/sku-a"))?.Version);
        Assert.Equal(2, (await SnapshotAsync($"{warehouse}/sku-b"))?.Version);
        var rebuilt = await SnapshotAsync($"{warehouse}/sku-c");
        Assert.Equal(3, rebuilt?.Version);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(siloWritten!.Value.Data), JsonNode.Parse(rebuilt!.Value.Data)), rebuilt.Value.Data);
        Assert.Equal(OperatorCommands.Ok, verify.Exit);
        Assert.Equal(streams, (long)JsonNode.Parse(verify.Output)!["snapshotsChecked"]!);
    }

    [Fact]
    public async Task GivenARebuiltStream_WhenRebuildingOneStream_ThenOnlyItsSnapshotIsWritten()
    {
        var warehouse = await SeedAsync();
        Assert.Equal(OperatorCommands.Ok, (await OperatorTool.RunAsync("snapshots", "prune", "--stream", $"{warehouse}/sku-a", "--stream", $"{warehouse}/sku-c", "--yes",
            "--connection", silo.ConnectionString)).Exit);

        var run = await OperatorTool.RunAsync("snapshots", "rebuild", "--stream", $"{warehouse}/sku-a", "--yes", "--connection", silo.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, run.Exit);
        Assert.Contains("1 streams folded, 1 snapshots written, 0 streams skipped", run.Output, StringComparison.Ordinal);
        Assert.Equal(4, (await SnapshotAsync($"{warehouse}/sku-a"))?.Version);
        Assert.Null(await SnapshotAsync($"{warehouse}/sku-b"));
        Assert.Null(await SnapshotAsync($"{warehouse}/sku-c"));
    }

    [Fact]
    public async Task GivenSnapshotsBehindTheirHeads_WhenPrunedBehindN_ThenOnlyThoseMoreThanNBehindGo()
    {
        var warehouse = await SeedAsync();
        string[] ours = ["--stream", $"{warehouse}/sku-a", "--stream", $"{warehouse}/sku-c"];

        var oneBehind = await OperatorTool.RunAsync(["snapshots", "prune", "--behind", "1", .. ours, "--yes", "--connection", silo.ConnectionString]);
        var zeroBehind = await OperatorTool.RunAsync(["snapshots", "prune", "--behind", "0", .. ours, "--yes", "--connection", silo.ConnectionString]);

        Assert.Equal(OperatorCommands.Ok, oneBehind.Exit);
        Assert.StartsWith("0 snapshots deleted", oneBehind.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Ok, zeroBehind.Exit);
        Assert.StartsWith("1 snapshots deleted", zeroBehind.Output, StringComparison.Ordinal);
        Assert.Null(await SnapshotAsync($"{warehouse}/sku-a")); // v3 of 4
        Assert.Equal(3, (await SnapshotAsync($"{warehouse}/sku-c"))?.Version); // v3 of 3
    }

    [Fact]
    public async Task GivenNoYes_WhenStandardInputIsNotATerminal_ThenRefusedAndNothingChanges_AndAPromptIsAnswered()
    {
        var warehouse = await SeedAsync();
        var before = await ScalarAsync("SELECT count(*) FROM snapshots");

        var prune = await OperatorTool.RunAsync("snapshots", "prune", "--all", "--connection", silo.ConnectionString);
        var rebuild = await OperatorTool.RunAsync("snapshots", "rebuild", "--connection", silo.ConnectionString);
        var declined = await OperatorTool.RunWithInputAsync("n\n", "snapshots", "prune", "--all", "--connection", silo.ConnectionString);
        var unchanged = await ScalarAsync("SELECT count(*) FROM snapshots");
        var accepted = await OperatorTool.RunWithInputAsync("y\n", "snapshots", "prune", "--stream", $"{warehouse}/sku-c", "--connection", silo.ConnectionString);

        Assert.True(before > 0);
        Assert.Equal(OperatorCommands.Refused, prune.Exit);
        Assert.Contains("refused without --yes, since standard input is not a terminal", prune.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Refused, rebuild.Exit);
        Assert.Contains("refused without --yes", rebuild.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Refused, declined.Exit);
        Assert.Contains("Delete every snapshot? [y/N]", declined.Progress, StringComparison.Ordinal);
        Assert.Contains("Nothing done.", declined.Output, StringComparison.Ordinal);
        Assert.Equal(before, unchanged);
        Assert.Equal(OperatorCommands.Ok, accepted.Exit);
        Assert.StartsWith("1 snapshots deleted", accepted.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--all", "--stream", "wh/sku")]
    [InlineData("--behind", "-1")]
    public async Task GivenNoOrConflictingSelection_WhenPruning_ThenRefused(params string[] selection)
    {
        var run = await OperatorTool.RunAsync(["snapshots", "prune", .. selection, "--yes", "--connection", silo.ConnectionString]);

        Assert.Equal(OperatorCommands.Refused, run.Exit);
    }

    /// <summary>A new warehouse: sku-a with 4 events (the silo's snapshot at v3), sku-b with 2 (none), sku-c with 3 (one at v3).</summary>
    private async Task<string> SeedAsync()
    {
        var warehouse = $"wh-snap-{Guid.NewGuid():N}"[..16];
        foreach (var (sku, events) in new[] { ("sku-a", 4), ("sku-b", 2), ("sku-c", 3) })
        {
            var item = silo.Grains.GetGrain<IStockItemGrain>($"{warehouse}/{sku}");
            await item.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 10 });
            await item.ExecuteAsync(new ReserveStock { MovementId = Guid.NewGuid(), Quantity = 2, ReservationId = "order-1" });
            for (var i = 2; i < events; i++)
            {
                await item.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = i });
            }
        }

        return warehouse;
    }

    private async Task<(int Version, string Data)?> SnapshotAsync(string stream)
    {
        await using var dataSource = NpgsqlDataSource.Create(silo.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT version, data::text FROM snapshots WHERE stream_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt32(0), reader.GetString(1)) : null;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(silo.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
