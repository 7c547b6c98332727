using System.Data;
using Npgsql;

namespace Inventory.EventStore.Postgres;

/// <summary>
/// The connection one append writer keeps between its batches, taken once from the silo's pool: appends never queue
/// behind reads (activations, catch-up pages, state writes) for a pooled connection. A connection that broke is
/// dropped and the next batch opens another.
/// </summary>
internal sealed class WriterConnection(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    /// <summary>The open connection, opened now if there is none or the last one broke.</summary>
    public async ValueTask<NpgsqlConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { FullState: ConnectionState.Open })
        {
            return _connection;
        }

        await DropAsync();
        _connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return _connection;
    }

    /// <summary>Closes the connection (after a connection-level failure); the next <see cref="GetAsync"/> opens another.</summary>
    public async ValueTask DropAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => DropAsync();
}
