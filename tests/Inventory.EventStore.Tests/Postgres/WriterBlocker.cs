using Inventory.Contracts.EventStore;
using Npgsql;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>
/// Holds an uncommitted row at version 1 of a stream, so that a store's writer appending to that stream waits
/// on it (ON CONFLICT waits for the other transaction). While it waits, appends pile up in the store's queue:
/// the tests decide exactly what the next batch holds.
/// </summary>
internal sealed class WriterBlocker : IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private WriterBlocker(PostgresDatabase database, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<WriterBlocker> HoldAsync(PostgresDatabase database, string streamId)
    {
        var connection = await database.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO events (stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at)
            VALUES ($1, 1, gen_random_uuid(), gen_random_uuid(), 'blocker', 1, '{}', '{}', now())
            """,
            connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await insert.ExecuteNonQueryAsync();
        return new WriterBlocker(database, connection, transaction);
    }

    /// <summary>Returns once a session of the database waits on a lock (the writer, on this blocker's row).</summary>
    public async Task WaitUntilAWriterWaitsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await _database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No writer started waiting on the blocked stream within 10 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>Rolls the row back: the waiting writer goes on as if it had never been there.</summary>
    public Task ReleaseAsync() => _transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
