using System.Data;
using System.Diagnostics;
using Inventory.Cli;
using Inventory.EventStore.Postgres;
using Inventory.StockItems;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// The ledger at scale: seeds a fresh database with a ledger of the given size through the event store
/// (<see cref="LedgerSeeder"/>), then times the operators' ledger audit (<c>inventory verify</c>: versions, movement ids,
/// every event's balances against the fold, snapshots) against reading the same rows in the same order and doing nothing
/// with them: the rate the audit could at best reach. Two alternating rounds; the faster of each is compared.
/// </summary>
internal static class LedgerBenchmark
{
    private const string ReadAll = "SELECT stream_id, version, movement_id, type, schema_version, data::text FROM events ORDER BY stream_id, version";

    public static async Task<int> RunAsync(LedgerOptions options)
    {
        Console.WriteLine($"Inventory ledger benchmark: {ProcessCounters.MachineCores} cores (load average {Progress.LoadAverage()}), "
            + $"{options.Events:N0} events over {options.Items:N0} items (Zipf s={options.Skew})");
        await using var database = await BenchDatabase.CreateAsync(options.ConnectionString, "ledger");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

        var items = ItemSet.Create(options.Items, options.Warehouses);
        var seeding = Stopwatch.StartNew();
        int streams;
        await using (var store = new PostgresEventStore(dataSource, Options.Create(new PostgresEventStoreOptions()), NullLogger<PostgresEventStore>.Instance))
        {
            var reported = 0L;
            streams = await LedgerSeeder.SeedAsync(store, items, options.Events, options.Skew, new StockItemOptions().SnapshotInterval, written =>
            {
                if (written - Interlocked.Read(ref reported) >= 100_000 && Interlocked.Exchange(ref reported, written) != written)
                {
                    Progress.Step($"seeded {written:N0} events");
                }
            }, CancellationToken.None);
        }

        seeding.Stop();
        Progress.Step($"seeded {options.Events:N0} events over {streams:N0} streams in {seeding.Elapsed.TotalSeconds:N1} s; VACUUM ANALYZE");
        await using (var vacuum = dataSource.CreateCommand("VACUUM ANALYZE"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }

        var raw = TimeSpan.MaxValue;
        var audit = TimeSpan.MaxValue;
        AuditReport? report = null;
        for (var round = 1; round <= 2; round++)
        {
            var started = Stopwatch.GetTimestamp();
            var read = await ReadAllAsync(dataSource);
            raw = Min(raw, Stopwatch.GetElapsedTime(started));
            Progress.Step($"round {round}: raw read of {read:N0} rows in {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");

            started = Stopwatch.GetTimestamp();
            report = await LedgerAudit.RunAsync(dataSource, 20, null, CancellationToken.None);
            audit = Min(audit, Stopwatch.GetElapsedTime(started));
            Progress.Step($"round {round}: verify of {report.Events:N0} events in {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s, "
                + (report.IsSound ? "sound" : $"{report.DiscrepancyCount} discrepancies"));
        }

        var table = new ResultsTable();
        var rawRate = options.Events / raw.TotalSeconds;
        var auditRate = report!.Events / audit.TotalSeconds;
        table.Add("seeding through the event store", $"{options.Events / seeding.Elapsed.TotalSeconds:N0} events/s", "", double.NaN, "", null);
        table.Add($"verify, {report.Events:N0} events, {report.SnapshotsChecked:N0} snapshots", $"{audit.TotalSeconds:N1} s ({auditRate:N0} events/s)",
            $"{raw.TotalSeconds:N1} s ({rawRate:N0} rows/s)", auditRate / rawRate, "sound", report.IsSound);
        Console.WriteLine();
        table.Print(Console.Out);
        Console.WriteLine($"baseline: the same rows read in the same order, nothing done with them. Verify reads, upcasts and folds every event.");
        return report.IsSound ? 0 : 2;
    }

    private static async Task<long> ReadAllAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(ReadAll);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess);
        long rows = 0, bytes = 0;
        while (await reader.ReadAsync())
        {
            bytes += reader.GetString(0).Length + reader.GetInt32(1) + reader.GetGuid(2).GetHashCode() + reader.GetString(3).Length
                + reader.GetInt32(4) + reader.GetString(5).Length;
            rows++;
        }

        return bytes == long.MinValue ? -1 : rows; // the columns are really read and materialized, as verify does
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
