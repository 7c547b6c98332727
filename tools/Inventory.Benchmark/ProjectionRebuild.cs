using System.Diagnostics;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// Rebuilds every projection at once through the operators' admin grain and times it: until every rebuilding
/// generation has read and applied the log to its end (<see cref="RebuildProgress.Shadowing"/>: its views are complete
/// and it gets live events), and until each has taken over reads, which adds <c>Inventory:Projections:Handover</c> of
/// shadowing and a write of every shard. For any phase of the benchmark that wants a rebuild's speed.
/// </summary>
internal static class ProjectionRebuild
{
    public static async Task<RebuildTiming> RunAsync(IGrainFactory grains, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var admin = grains.GetGrain<IProjectionAdminGrain>(0);
        var before = (await admin.GetStatusesAsync()).ToDictionary(s => s.Name, s => s.Generation, StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(before.Keys.Select(admin.RebuildAsync));
        TimeSpan? caughtUp = null;
        var deadline = started + (long)(Stopwatch.Frequency * timeout.TotalSeconds);
        while (true)
        {
            var statuses = await admin.GetStatusesAsync();
            var tookOver = statuses.All(s => s.Rebuild is null && s.Generation > before[s.Name]);
            if (caughtUp is null && statuses.All(s => s.Rebuild?.Shadowing == true || (s.Rebuild is null && s.Generation > before[s.Name])))
            {
                caughtUp = Stopwatch.GetElapsedTime(started);
            }

            if (tookOver)
            {
                return new RebuildTiming(caughtUp!.Value, Stopwatch.GetElapsedTime(started));
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"The rebuild did not finish within {timeout.TotalMinutes:N0} minutes.");
            }

            // Each status measures the projection (two queries): polled gently, more often until the rebuilds have read to
            // the end (that time is the figure, and the poll's period bounds its error).
            await Task.Delay(caughtUp is null ? 100 : 250);
        }
    }

    /// <summary>The last event in the log's reading order (transaction, position): where a caught-up projection's
    /// checkpoint is. Not the highest global position: with concurrent writers, a transaction with a higher id can hold
    /// lower positions, and a checkpoint compared with the highest position waits for ever.</summary>
    public static async Task<LogPosition> LogEndAsync(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand("SELECT transaction_id, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : LogPosition.Start;
    }

    /// <summary>Polls the projections' statuses until <paramref name="done"/> says so; throws after
    /// <paramref name="timeout"/>, naming <paramref name="what"/> was awaited.</summary>
    public static async Task UntilAsync(IProjectionAdminGrain admin, Func<IReadOnlyList<ProjectionStatus>, bool> done, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * timeout.TotalSeconds);
        while (!done(await admin.GetStatusesAsync()))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"The {what} did not finish within {timeout.TotalMinutes:N0} minutes.");
            }

            await Task.Delay(250);
        }
    }
}

/// <summary>A rebuild's times from asking: every generation read to the end (<paramref name="CaughtUp"/>), and serving
/// reads (<paramref name="TookOver"/>).</summary>
internal sealed record RebuildTiming(TimeSpan CaughtUp, TimeSpan TookOver);
