using Npgsql;

namespace Inventory.Benchmark;

/// <summary>An immediate <c>CHECKPOINT</c> issued as the measured open loop begins (<c>--checkpoint-in-phase</c>): the tail
/// with a checkpoint under way on purpose, not by chance. Needs a superuser or the <c>pg_checkpoint</c> role.</summary>
internal static class ForcedCheckpoint
{
    /// <summary>Issues it on a connection of its own; null once it completed, else why it failed.</summary>
    public static async Task<string?> IssueAsync(NpgsqlDataSource dataSource)
    {
        try
        {
            await using var command = dataSource.CreateCommand("CHECKPOINT");
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (NpgsqlException e)
        {
            return e.Message;
        }
    }
}
