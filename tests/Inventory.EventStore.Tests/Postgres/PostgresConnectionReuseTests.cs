using Inventory.Contracts.EventStore;
using Inventory.Hosting;
using Npgsql;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>The silo's connection defaults (<see cref="PostgresConnectionDefaults"/>) against a real server: what a
/// pooled connection keeps when it is handed out again.</summary>
public sealed class PostgresConnectionReuseTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Statement = "SELECT count(*) FROM events WHERE stream_id = $1";

    [Fact]
    public async Task GivenTheSiloDefaults_WhenAPooledConnectionIsHandedOutAgain_ThenItsOftenRunStatementIsStillPreparedAndNothingWasReset()
    {
        // One connection in the pool, so that every open hands out the same server session.
        var connectionString = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(PostgresConnectionDefaults.Apply(connectionString));
        int session;
        await using (var first = await dataSource.OpenConnectionAsync())
        {
            session = first.ProcessID;
            await using var set = new NpgsqlCommand("SELECT set_config('inventory.reuse_test', 'kept', false)", first);
            await set.ExecuteScalarAsync();
        }

        for (var use = 0; use < 6; use++)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(Statement, connection) { Parameters = { new() { Value = "none" } } };
            Assert.Equal(0L, await command.ExecuteScalarAsync());
        }

        await using var again = await dataSource.OpenConnectionAsync();
        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement = $1", again)
        {
            Parameters = { new() { Value = Statement } },
        };
        await using var setting = new NpgsqlCommand("SELECT current_setting('inventory.reuse_test', true)", again);

        Assert.Equal(session, again.ProcessID);
        Assert.Equal(1L, await prepared.ExecuteScalarAsync());
        Assert.Equal("kept", await setting.ExecuteScalarAsync());
    }
}
