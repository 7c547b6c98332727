using System.Data;
using Inventory.Contracts.EventStore;
using Npgsql;

namespace Inventory.EventStore.Postgres;

/// <summary>
/// The connection one append writer keeps between its batches, taken once from the silo's pool: appends never queue
/// behind reads (activations, catch-up pages, state writes) for a pooled connection. A connection that broke is
/// dropped and the next batch opens another.
/// </summary>
internal sealed class WriterConnection(NpgsqlDataSource dataSource) : IDisposable
{
    private NpgsqlConnection? _connection;

    /// <summary>The open connection, opened now if there is none or the last one broke (blocking: the writer has a
    /// thread of its own).</summary>
    public NpgsqlConnection Get()
    {
        if (_connection is { FullState: ConnectionState.Open })
        {
            return _connection;
        }

        Drop();
        _connection = dataSource.OpenConnection();
        return _connection;
    }

    /// <summary>Closes the connection (after a connection-level failure); the next <see cref="Get"/> opens another.</summary>
    public void Drop()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            connection.Dispose();
        }
    }

    public void Dispose() => Drop();
}
