using System.Diagnostics;
using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// A <c>CHECKPOINT</c> issued as the measured open loop begins (<c>--checkpoint-in-phase</c>): the harshest case of a
/// checkpoint under way, for a run to show it on purpose instead of by chance. After a checkpoint begins, the first
/// change to each page goes into the WAL whole (full-page images), and the stream-keyed indexes of <c>events</c> are
/// changed all over; an SQL <c>CHECKPOINT</c> is also immediate (it writes the dirty buffers back at full speed,
/// where a checkpoint by time or WAL volume spreads them). It needs a superuser or the <c>pg_checkpoint</c> role;
/// without either, the run goes on and says so.
/// </summary>
internal sealed class ForcedCheckpoint
{
    private readonly Task<string> _outcome;

    private ForcedCheckpoint(NpgsqlDataSource dataSource)
    {
        _outcome = RunAsync(dataSource);
    }

    /// <summary>Issues the checkpoint now, on a connection of its own, without waiting for it.</summary>
    public static ForcedCheckpoint Start(NpgsqlDataSource dataSource) => new(dataSource);

    /// <summary>Waits for the checkpoint and says when it was issued and how long it took, or why it failed.</summary>
    public Task<string> DescribeAsync() => _outcome;

    private static async Task<string> RunAsync(NpgsqlDataSource dataSource)
    {
        var issued = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            await using var command = dataSource.CreateCommand("CHECKPOINT");
            await command.ExecuteNonQueryAsync();
            return $"a CHECKPOINT forced into the phase (--checkpoint-in-phase): issued {issued:HH:mm:ss.fff} UTC, complete after {clock.Elapsed.TotalMilliseconds:N0} ms";
        }
        catch (NpgsqlException e)
        {
            return $"a CHECKPOINT forced into the phase (--checkpoint-in-phase) FAILED, so none was forced: {e.Message}";
        }
    }
}
