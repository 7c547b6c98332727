using System.Text.Json.Nodes;
using Inventory.Cli;
using Inventory.Contracts.StockItems;
using Inventory.Integration.Tests.Infrastructure;

namespace Inventory.Integration.Tests.Cli;

/// <summary><c>events export</c> on a silo's ledger: every column, the filters (stream, warehouse, positions, time) and CSV.</summary>
public sealed class EventsExportTests(CliSilo silo) : IClassFixture<CliSilo>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inventory-export-").FullName;

    [Fact]
    public async Task GivenALedger_WhenExported_ThenOneLinePerEventInPositionOrderWithEveryColumn()
    {
        var warehouse = await SeedAsync();
        var file = Path.Combine(_directory, "all.ndjson");

        var run = await OperatorTool.RunAsync("events", "export", "--output", file, "--connection", silo.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, run.Exit);
        var stored = (await Ledger.ReadAsync(silo.ConnectionString, "")).OrderBy(e => e.GlobalPosition).ToList();
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(stored.Count, lines.Length);
        Assert.Contains($"exported {stored.Count:N0} events, up to position {stored[^1].GlobalPosition}", run.Output, StringComparison.Ordinal);
        foreach (var (line, e) in lines.Zip(stored))
        {
            var json = JsonNode.Parse(line)!;
            Assert.Equal(e.GlobalPosition, (long)json["position"]!);
            Assert.Equal(e.StreamId, (string?)json["streamId"]);
            Assert.Equal(e.Version, (int)json["version"]!);
            Assert.Equal(e.EventId, (Guid)json["eventId"]!);
            Assert.Equal(e.MovementId, (Guid)json["movementId"]!);
            Assert.Equal(e.Type, (string?)json["type"]);
            Assert.Equal(e.SchemaVersion, (int)json["schemaVersion"]!);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(e.Data), json["data"]), line);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(e.Metadata), json["metadata"]), line);
            Assert.Equal(e.RecordedAt, (DateTimeOffset)json["recordedAt"]!);
        }

        Assert.Contains(lines, l => l.Contains($"\"streamId\":\"{warehouse}/sku-2\"", StringComparison.Ordinal));
        var ours = lines.Select(l => JsonNode.Parse(l)!).Where(j => ((string)j["streamId"]!).StartsWith(warehouse + "/", StringComparison.Ordinal)).ToList();
        Assert.Equal("ops-ann", (string?)ours.Single(j => (string)j["streamId"]! == $"{warehouse}/sku-3")["metadata"]!["principal"]);
        Assert.All(ours.Where(j => (string)j["streamId"]! != $"{warehouse}/sku-3"), j => Assert.Null(j["metadata"]!["principal"]));
    }

    [Fact]
    public async Task GivenFilters_WhenExported_ThenOnlyTheEventsOfTheStreamWarehousePositionsAndTimes()
    {
        var warehouse = await SeedAsync();
        var ours = (await Ledger.ReadAsync(silo.ConnectionString, warehouse + "/")).OrderBy(e => e.GlobalPosition).ToList();
        var middle = ours[ours.Count / 2];

        var stream = await ExportAsync("--stream", $"{warehouse}/sku-1");
        var streams = await ExportAsync("--stream", $"{warehouse}/sku-1", "--stream", $"{warehouse}/sku-2");
        var byWarehouse = await ExportAsync("--warehouse", warehouse);
        var positions = await ExportAsync("--warehouse", warehouse, "--from-position", $"{ours[1].GlobalPosition}", "--to-position", $"{ours[3].GlobalPosition}");
        var since = await ExportAsync("--warehouse", warehouse, "--since", middle.RecordedAt.ToString("O"));
        var until = await ExportAsync("--warehouse", warehouse, "--until", middle.RecordedAt.ToString("O"));
        var none = await ExportAsync("--stream", $"{warehouse}/no-such-sku");

        Assert.Equal(ours.Where(e => e.StreamId == $"{warehouse}/sku-1").Select(e => e.GlobalPosition), stream);
        Assert.Equal(ours.Where(e => e.StreamId != $"{warehouse}/sku-3").Select(e => e.GlobalPosition), streams);
        Assert.Equal(ours.Select(e => e.GlobalPosition), byWarehouse);
        Assert.Equal(ours.Skip(1).Take(3).Select(e => e.GlobalPosition), positions);
        Assert.Equal(ours.Where(e => e.RecordedAt >= middle.RecordedAt).Select(e => e.GlobalPosition), since);
        Assert.Equal(ours.Where(e => e.RecordedAt < middle.RecordedAt).Select(e => e.GlobalPosition), until);
        Assert.Empty(none);
        Assert.NotEmpty(since);
        Assert.NotEmpty(until);
    }

    [Fact]
    public async Task GivenCsv_WhenExportedToStandardOutput_ThenAHeaderAndQuotedJsonFields()
    {
        var warehouse = await SeedAsync();

        var run = await OperatorTool.RunAsync("events", "export", "--format", "csv", "--stream", $"{warehouse}/sku-3", "--connection", silo.ConnectionString);

        Assert.Equal(OperatorCommands.Ok, run.Exit);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CsvLine.Header, lines[0]);
        Assert.Equal(2, lines.Length);
        var fields = ParseCsv(lines[1]);
        Assert.Equal(10, fields.Count);
        Assert.Equal($"{warehouse}/sku-3", fields[1]);
        Assert.Equal("1", fields[2]);
        Assert.Equal("stock-adjusted", fields[5]);
        Assert.Equal("found, \"behind\" the shelf", (string?)JsonNode.Parse(fields[7])!["reason"]);
        Assert.Equal("ops-ann", (string?)JsonNode.Parse(fields[8])!["principal"]);
        Assert.Contains("exported 1 events", run.Progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenABadFormat_WhenExporting_ThenRefused()
    {
        var run = await OperatorTool.RunAsync("events", "export", "--format", "xml", "--connection", silo.ConnectionString);

        Assert.Equal(OperatorCommands.Refused, run.Exit);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Three items of a new warehouse: sku-1 and sku-2 with a few movements each, interleaved; sku-3 one
    /// adjustment whose reason needs quoting in CSV, sent by principal <c>ops-ann</c> (the others by no one known).</summary>
    private async Task<string> SeedAsync()
    {
        var warehouse = $"wh-exp-{Guid.NewGuid():N}"[..16];
        var one = silo.Grains.GetGrain<IStockItemGrain>($"{warehouse}/sku-1");
        var two = silo.Grains.GetGrain<IStockItemGrain>($"{warehouse}/sku-2");
        await one.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 10 });
        await two.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 5 });
        await one.ExecuteAsync(new ReserveStock { MovementId = Guid.NewGuid(), Quantity = 3, ReservationId = "order-1" });
        await two.ExecuteAsync(new PickStock { MovementId = Guid.NewGuid(), Quantity = 2 });
        await Task.Delay(20); // recorded times apart, for the time filters
        await one.ExecuteAsync(new PickStock { MovementId = Guid.NewGuid(), Quantity = 3, ReservationId = "order-1" });
        await two.ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 1 });
        await silo.Grains.GetGrain<IStockItemGrain>($"{warehouse}/sku-3").ExecuteAsync(
            new AdjustStock { MovementId = Guid.NewGuid(), Delta = 4, Reason = "found, \"behind\" the shelf", Principal = "ops-ann" });
        return warehouse;
    }

    private async Task<List<long>> ExportAsync(params string[] filter)
    {
        var run = await OperatorTool.RunAsync(["events", "export", .. filter, "--connection", silo.ConnectionString]);
        Assert.Equal(OperatorCommands.Ok, run.Exit);
        return [.. run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (long)JsonNode.Parse(l)!["position"]!)];
    }

    /// <summary>An RFC 4180 line's fields (quotes removed, doubled quotes undone).</summary>
    private static List<string> ParseCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
