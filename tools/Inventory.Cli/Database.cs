using System.CommandLine;
using Npgsql;

namespace Inventory.Cli;

/// <summary>What the commands that work straight on PostgreSQL share: the connection string (--connection or
/// <see cref="OperatorCommands.ConnectionVariable"/>) and the mapping of failures to exit codes (no connection given 1,
/// no event store schema 2, PostgreSQL unreachable 3, a file that cannot be read or written 1).</summary>
internal static class Database
{
    public static async Task<int> RunAsync(ParseResult parsed, Option<string?> connection, TextWriter output, Func<NpgsqlDataSource, Task<int>> work)
    {
        if (OperatorCommands.ConnectionOf(parsed, connection) is not { } connectionString)
        {
            await output.WriteLineAsync($"Give the database: --connection or {OperatorCommands.ConnectionVariable}.");
            return OperatorCommands.Refused;
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            return await work(dataSource);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            await output.WriteLineAsync("The database has no event store schema: `migrate apply` creates it.");
            return OperatorCommands.Findings;
        }
        catch (NpgsqlException ex)
        {
            await output.WriteLineAsync($"PostgreSQL: {ex.Message}");
            return OperatorCommands.Unreachable;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"File: {ex.Message}");
            return OperatorCommands.Refused;
        }
    }

    /// <summary>The planner's estimate of the events' count (for a progress bar's length), null when it has none.</summary>
    public static async Task<long?> EstimateEventsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT reltuples::bigint FROM pg_class WHERE oid = 'events'::regclass");
        return await command.ExecuteScalarAsync(cancellationToken) is long estimate and > 0 ? estimate : null;
    }
}
