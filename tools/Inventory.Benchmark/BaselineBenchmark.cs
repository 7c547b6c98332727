using System.Diagnostics;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// The baseline: plain Npgsql, one event-shaped row inserted per transaction, by N concurrent writers.
/// This is what "a commit per movement" can do on this machine.
/// </summary>
internal static class BaselineBenchmark
{
    /// <summary>The baseline's table: an event-shaped row (no metadata) with the unique keys of <c>events</c>; no
    /// <c>event_id</c> index, as <c>events</c> has none since migration 0006 (event ids are unique by derivation).</summary>
    public static async Task PrepareAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            DROP TABLE IF EXISTS bench_baseline;
            CREATE TABLE bench_baseline (
                global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                stream_id text NOT NULL, version int NOT NULL, event_id uuid NOT NULL,
                movement_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, recorded_at timestamptz NOT NULL,
                UNIQUE (stream_id, version), UNIQUE (stream_id, movement_id));
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Closed loop: <paramref name="writers"/> writers, each on its own connection, opened before the clock
    /// starts; the pool is emptied afterwards so that no idle baseline connection stays on the server during the grains'
    /// phases.</summary>
    public static async Task<LatencySummary> RunAsync(NpgsqlDataSource dataSource, int writers, TimeSpan duration)
    {
        var connections = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => dataSource.OpenConnectionAsync().AsTask()));
        try
        {
            var recorder = new LatencyRecorder();
            var deadline = Stopwatch.StartNew();
            await Task.WhenAll(connections.Select((connection, writer) => WriteUntilAsync(connection, $"baseline-{writers}-{writer}-{Guid.NewGuid():N}", recorder, deadline, duration)));
            return recorder.Summarise(deadline.Elapsed);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }

            dataSource.Clear();
        }
    }

    /// <summary>Open loop: single-row transactions arriving at a fixed rate, each on a pooled connection;
    /// latency counts from the scheduled time. The same arrival pattern as the grains' open-loop run. The pool is
    /// filled before the clock starts and emptied afterwards.</summary>
    public static async Task<LatencySummary> RunOpenAsync(NpgsqlDataSource dataSource, double perSecond, TimeSpan duration)
    {
        var warm = await Task.WhenAll(Enumerable.Range(0, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize)
            .Select(_ => dataSource.OpenConnectionAsync().AsTask()));
        foreach (var connection in warm)
        {
            await connection.DisposeAsync();
        }

        try
        {
            return await OpenLoop.RunAsync(perSecond, duration, (recorder, scheduled) => InsertOneAsync(dataSource, recorder, scheduled));
        }
        finally
        {
            dataSource.Clear();
        }
    }

    private static async Task WriteUntilAsync(NpgsqlConnection connection, string stream, LatencyRecorder recorder, Stopwatch deadline, TimeSpan duration)
    {
        var version = 0;
        while (deadline.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = InsertCommand(connection, transaction, stream, ++version);
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                recorder.Record(Stopwatch.GetElapsedTime(started));
            }
            catch (NpgsqlException)
            {
                recorder.Error();
            }
        }
    }

    private static async Task InsertOneAsync(NpgsqlDataSource dataSource, LatencyRecorder recorder, long scheduledTimestamp)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = InsertCommand(connection, transaction, $"baseline-open-{Guid.NewGuid():N}", 1);
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            recorder.Record(Stopwatch.GetElapsedTime(scheduledTimestamp));
        }
        catch (NpgsqlException)
        {
            recorder.Error();
        }
    }

    /// <summary>One event-shaped row, as the grains' events carry (stream, version, ids, type, JSON data).</summary>
    private static NpgsqlCommand InsertCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, string stream, int version) =>
        new("INSERT INTO bench_baseline (stream_id, version, event_id, movement_id, type, data, recorded_at) VALUES ($1, $2, $3, $4, 'stock-received', $5::jsonb, now())", connection, transaction)
        {
            Parameters =
            {
                new() { Value = stream }, new() { Value = version }, new() { Value = Guid.NewGuid() },
                new() { Value = Guid.NewGuid() }, new() { Value = """{"quantity":1,"onHandAfter":1,"reservedAfter":0}""" },
            },
        };
}
