using Npgsql;

namespace Inventory.Benchmark;

/// <summary>
/// The server's execution time in the catch-up's reads of the global log (its statements: the gap-safe page, the
/// positions-only page, the events by position), from <c>pg_stat_statements</c> in one database. Null when the server
/// was not started with the extension preloaded (build/bench.sh does so for <c>--read-side</c>).
/// </summary>
internal sealed class CatchUpStatements(string connectionString)
{
    public static async Task<CatchUpStatements?> TryStartAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT count(*) FROM pg_stat_statements", connection);
            await command.ExecuteScalarAsync();
            return new CatchUpStatements(connectionString);
        }
        catch (PostgresException)
        {
            return null;
        }
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
        await command.ExecuteScalarAsync();
    }

    /// <summary>Milliseconds of execution in the catch-up's statements since <see cref="ResetAsync"/>.</summary>
    public async Task<double> MillisAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(sum(total_exec_time), 0) FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND (query LIKE '%pg_snapshot_xmin(pg_current_snapshot())%' OR query LIKE '%global_position = ANY%')
            """, connection);
        return (double)(await command.ExecuteScalarAsync())!;
    }
}
