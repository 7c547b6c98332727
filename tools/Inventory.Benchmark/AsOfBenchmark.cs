using System.Diagnostics;
using System.Globalization;
using System.Text;
using Inventory.Contracts.AsOf;
using Inventory.EventStore.Postgres;
using Inventory.StockItems;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// Stock as of an instant for an audit of one large warehouse: seeds a warehouse of <see cref="AsOfOptions.Skus"/> SKUs
/// with about <see cref="AsOfOptions.EventsPerSku"/> domain-decided events each through the event store
/// (<see cref="LedgerSeeder"/>: a year of movements per item), and a second, smaller warehouse beside it; starts a silo on
/// it, and times through the stock-ledger grain, as the API calls it, at an instant in the middle of that year: the
/// whole warehouse exported (every page of 1,000, written as CSV to nowhere), one page of 100 with the warehouse's
/// totals computed (a new instant) and with them cached (paging on), and one SKU across warehouses. The baseline is a
/// plain sequential read of the same warehouse's events (every row, its data as text), measured in the same rounds.
/// </summary>
internal static class AsOfBenchmark
{
    private const string Warehouse = "wh-00";
    private const int ExportPage = 1_000;
    private const int Page = 100;
    private static readonly DateTimeOffset AsOf = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(AsOfOptions options)
    {
        Console.WriteLine($"Inventory as-of benchmark: {ProcessCounters.MachineCores} cores (load average {Progress.LoadAverage()}), "
            + $"warehouse {Warehouse} of {options.Skus:N0} SKUs with about {options.EventsPerSku} events each");
        await using var database = await BenchDatabase.CreateAsync(options.ConnectionString, "asof");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await SeedAsync(dataSource, options);

        await using var silo = await BenchSilo.StartAsync(database.ConnectionString);
        var ledger = silo.Grains.GetGrain<IStockLedgerGrain>(0);
        var (export, raw, cold, warm, sku) = (TimeSpan.MaxValue, TimeSpan.MaxValue, TimeSpan.MaxValue, TimeSpan.MaxValue, TimeSpan.MaxValue);
        var (exported, rows, totals) = (0, 0L, StockTotalsAsOf.None);
        for (var round = 1; round <= options.Rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            rows = await ReadRawAsync(dataSource);
            raw = Min(raw, Stopwatch.GetElapsedTime(started));

            started = Stopwatch.GetTimestamp();
            exported = await ExportAsync(ledger);
            export = Min(export, Stopwatch.GetElapsedTime(started));

            // A new instant each round (a microsecond apart): its totals are not cached yet.
            var asOf = AsOf.AddTicks(10 * round);
            started = Stopwatch.GetTimestamp();
            totals = (await ledger.GetWarehouseStockAsync(Warehouse, asOf, null, Page, withTotals: true)).Totals!;
            cold = Min(cold, Stopwatch.GetElapsedTime(started));

            started = Stopwatch.GetTimestamp();
            await ledger.GetWarehouseStockAsync(Warehouse, asOf, "sku-50000", Page, withTotals: true);
            warm = Min(warm, Stopwatch.GetElapsedTime(started));

            started = Stopwatch.GetTimestamp();
            await ledger.GetSkuStockAsync("sku-00042", asOf);
            sku = Min(sku, Stopwatch.GetElapsedTime(started));
            Progress.Step($"after round {round}, best: raw read of {rows:N0} rows {raw.TotalSeconds:N2} s, export of {exported:N0} items {export.TotalSeconds:N2} s, "
                + $"page with new totals {cold.TotalMilliseconds:N0} ms, with cached totals {warm.TotalMilliseconds:N1} ms, SKU {sku.TotalMilliseconds:N1} ms");
        }

        await silo.StopAsync();
        var table = new ResultsTable();
        table.Add($"as-of export, {exported:N0} items (CSV, pages of {ExportPage:N0})", $"{export.TotalSeconds:N2} s ({exported / export.TotalSeconds:N0} items/s)",
            $"{raw.TotalSeconds:N2} s ({rows:N0} rows)", export / raw, "< 10 s", export < TimeSpan.FromSeconds(10));
        table.Add($"as-of page of {Page}, totals computed", $"{cold.TotalMilliseconds:N0} ms", $"{raw.TotalSeconds:N2} s", cold / raw, "", null);
        table.Add($"as-of page of {Page}, totals cached", $"{warm.TotalMilliseconds:N1} ms", $"{raw.TotalSeconds:N2} s", warm / raw, "< 100 ms", warm < TimeSpan.FromMilliseconds(100));
        table.Add("as-of SKU across warehouses", $"{sku.TotalMilliseconds:N1} ms", "", double.NaN, "< 100 ms", sku < TimeSpan.FromMilliseconds(100));
        table.Add("export has every item of the totals", $"{exported:N0} of {totals.Items:N0}", "", double.NaN, "all", exported == totals.Items);
        Console.WriteLine();
        table.Print(Console.Out);
        Console.WriteLine($"as of {AsOf:O}, best of {options.Rounds} rounds; baseline: a plain sequential read of the warehouse's events (every row, data as text).");
        return exported == totals.Items ? 0 : 2;
    }

    private static async Task SeedAsync(NpgsqlDataSource dataSource, AsOfOptions options)
    {
        var seeding = Stopwatch.StartNew();
        var main = new ItemSet([.. Enumerable.Range(0, options.Skus).Select(s => $"{Warehouse}/sku-{s:D5}")], [Warehouse], []);
        // Beside it: warehouses whose ids share its prefix, and which the range must skip.
        var others = new ItemSet([.. Enumerable.Range(0, options.Skus / 10).SelectMany(s => new[] { $"{Warehouse}0/sku-{s:D5}", $"{Warehouse}_/sku-{s:D5}" })], [], []);
        await using (var store = new PostgresEventStore(dataSource, Options.Create(new PostgresEventStoreOptions()), NullLogger<PostgresEventStore>.Instance))
        {
            var interval = new StockItemOptions().SnapshotInterval;
            var next = 100_000L;
            await LedgerSeeder.SeedAsync(store, main, (long)options.Skus * options.EventsPerSku, 0, interval, written =>
            {
                if (written >= Interlocked.Read(ref next))
                {
                    Interlocked.Add(ref next, 100_000);
                    Progress.Step($"seeded {written:N0} events");
                }
            }, CancellationToken.None);
            await LedgerSeeder.SeedAsync(store, others, (long)others.Keys.Count * options.EventsPerSku, 0, interval, _ => { }, CancellationToken.None);
        }

        await using (var vacuum = dataSource.CreateCommand("VACUUM ANALYZE"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }

        Progress.Step($"seeded in {seeding.Elapsed.TotalSeconds:N1} s, vacuumed");
    }

    /// <summary>Every page of the warehouse at <see cref="AsOf"/>, each row formatted as the API's CSV export writes it.</summary>
    private static async Task<int> ExportAsync(IStockLedgerGrain ledger)
    {
        await using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 64 * 1024) { NewLine = "\r\n" };
        var count = 0;
        string? after = null;
        do
        {
            var page = await ledger.GetWarehouseStockAsync(Warehouse, AsOf, after, ExportPage, withTotals: false);
            foreach (var l in page.Items)
            {
                await writer.WriteLineAsync(string.Join(',', l.Sku, l.OnHand.ToString(CultureInfo.InvariantCulture), l.Reserved.ToString(CultureInfo.InvariantCulture),
                    l.Available.ToString(CultureInfo.InvariantCulture), l.Version.ToString(CultureInfo.InvariantCulture), l.Position.ToString(CultureInfo.InvariantCulture),
                    l.LastMovementAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)));
            }

            count += page.Items.Count;
            after = page.Next;
        }
        while (after is not null);
        return count;
    }

    private static async Task<long> ReadRawAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT stream_id, version, recorded_at, data::text FROM events WHERE stream_id > '{Warehouse}/' AND stream_id < '{Warehouse}0'");
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0;
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(0);
            _ = reader.GetInt32(1);
            _ = reader.GetFieldValue<DateTimeOffset>(2);
            _ = reader.GetString(3);
            rows++;
        }

        return rows;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
