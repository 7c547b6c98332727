using Inventory.Contracts.EventStore;
using Npgsql;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>A transaction on its own connection that has its transaction id from the start and inserts events
/// (plain INSERTs, as append_events would) that stay invisible until <see cref="CommitAsync"/>.</summary>
internal sealed class HeldTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private HeldTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, ulong transactionId)
    {
        _connection = connection;
        _transaction = transaction;
        TransactionId = transactionId;
    }

    public ulong TransactionId { get; }

    public static async Task<HeldTransaction> BeginAsync(PostgresDatabase database)
    {
        var connection = await database.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var assign = new NpgsqlCommand("SELECT pg_current_xact_id()::text", connection, transaction);
        var transactionId = ulong.Parse((string)(await assign.ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        return new HeldTransaction(connection, transaction, transactionId);
    }

    /// <summary>Inserts one event at version 1 of <paramref name="streamId"/>; its id and global position.</summary>
    public Task<(Guid EventId, long Position)> InsertAsync(string streamId) => InsertAsync(_connection, _transaction, streamId);

    public Task CommitAsync() => _transaction.CommitAsync();

    public static async Task<(Guid EventId, long Position)> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string streamId)
    {
        var eventId = Guid.NewGuid();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO events (stream_id, version, event_id, movement_id, type, schema_version, data, metadata, recorded_at)
            VALUES ($1, 1, $2, gen_random_uuid(), 'held', 1, '{}', '{}', now())
            RETURNING global_position
            """,
            connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = streamId });
        insert.Parameters.Add(new NpgsqlParameter { Value = eventId });
        var position = (long)(await insert.ExecuteScalarAsync())!;
        return (eventId, position);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
