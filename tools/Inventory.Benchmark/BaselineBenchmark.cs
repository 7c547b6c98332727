using System.Diagnostics;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// The baseline: plain Npgsql, one event-shaped row inserted per transaction, by N concurrent writers.
/// This is what "a commit per movement" can do on this machine.
/// </summary>
internal static class BaselineBenchmark
{
    public static async Task PrepareAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            DROP TABLE IF EXISTS bench_baseline;
            CREATE TABLE bench_baseline (
                global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                stream_id text NOT NULL, version int NOT NULL, event_id uuid NOT NULL UNIQUE,
                movement_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, recorded_at timestamptz NOT NULL,
                UNIQUE (stream_id, version), UNIQUE (stream_id, movement_id));
            """);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<LatencySummary> RunAsync(NpgsqlDataSource dataSource, int writers, TimeSpan duration)
    {
        var recorder = new LatencyRecorder();
        var deadline = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, writers).Select(async writer =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            var version = 0;
            var stream = $"baseline-{writers}-{writer}-{Guid.NewGuid():N}";
            while (deadline.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await using var transaction = await connection.BeginTransactionAsync();
                    await using var insert = new NpgsqlCommand(
                        "INSERT INTO bench_baseline (stream_id, version, event_id, movement_id, type, data, recorded_at) VALUES ($1, $2, $3, $4, 'stock-received', $5::jsonb, now())",
                        connection, transaction)
                    {
                        Parameters =
                        {
                            new() { Value = stream }, new() { Value = ++version }, new() { Value = Guid.NewGuid() },
                            new() { Value = Guid.NewGuid() }, new() { Value = """{"quantity":1,"onHandAfter":1,"reservedAfter":0}""" },
                        },
                    };
                    await insert.ExecuteNonQueryAsync();
                    await transaction.CommitAsync();
                    recorder.Record(Stopwatch.GetElapsedTime(started));
                }
                catch (NpgsqlException)
                {
                    recorder.Error();
                }
            }
        });
        await Task.WhenAll(tasks);
        return recorder.Summarise(deadline.Elapsed);
    }

    /// <summary>Open loop: single-row transactions arriving at a fixed rate, each on a pooled connection;
    /// latency counts from the scheduled time. The same arrival pattern as the grains' open-loop run.</summary>
    public static Task<LatencySummary> RunOpenAsync(NpgsqlDataSource dataSource, double perSecond, TimeSpan duration) =>
        OpenLoop.RunAsync(perSecond, duration, (recorder, scheduled) => InsertOneAsync(dataSource, recorder, scheduled));

    private static async Task InsertOneAsync(NpgsqlDataSource dataSource, LatencyRecorder recorder, long scheduledTimestamp)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO bench_baseline (stream_id, version, event_id, movement_id, type, data, recorded_at) VALUES ($1, 1, $2, $3, 'stock-received', $4::jsonb, now())",
                connection, transaction)
            {
                Parameters =
                {
                    new() { Value = $"baseline-open-{Guid.NewGuid():N}" }, new() { Value = Guid.NewGuid() },
                    new() { Value = Guid.NewGuid() }, new() { Value = """{"quantity":1,"onHandAfter":1,"reservedAfter":0}""" },
                },
            };
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            recorder.Record(Stopwatch.GetElapsedTime(scheduledTimestamp));
        }
        catch (NpgsqlException)
        {
            recorder.Error();
        }
    }
}
