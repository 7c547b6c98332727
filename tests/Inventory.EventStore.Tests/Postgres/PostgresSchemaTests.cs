using Inventory.Contracts.EventStore;
using Inventory.EventStore.Postgres;
using Npgsql;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>The schema itself: migrations that any number of silos may run at once, and a ledger that cannot be rewritten.</summary>
public sealed class PostgresSchemaTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task GivenFreshDatabase_WhenMigratingTwice_ThenTheSecondRunAppliesNothing()
    {
        await using var database = await PostgresDatabase.CreateAsync(migrate: false);
        var migrator = database.CreateMigrator();

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.Contains(SchemaMigrator.Embedded, m => m.Version == 1 && m.Name == "event_store");
        Assert.Equal(SchemaMigrator.Embedded.Count, first);
        Assert.Equal(0, second);
        Assert.Equal(SchemaMigrator.Embedded.Count, (int)await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task GivenFreshDatabase_WhenFourMigratorsStartAtOnce_ThenEachMigrationIsAppliedOnceAndTheStoreWorks()
    {
        await using var database = await PostgresDatabase.CreateAsync(migrate: false);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var migrators = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await database.CreateMigrator().MigrateAsync();
        })).ToArray();

        start.SetResult();
        var applied = await Task.WhenAll(migrators);

        Assert.Equal(SchemaMigrator.Embedded.Count, applied.Sum());
        Assert.Equal(3, applied.Count(a => a == 0));
        Assert.Equal(SchemaMigrator.Embedded.Count, (int)await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        await using var store = database.CreateStore();
        var streamId = $"schema/{Guid.NewGuid():N}";
        var result = await store.AppendAsync(streamId, 0, [TestEvent.For(streamId)]);
        Assert.Equal(AppendStatus.Appended, result.Status);
    }

    [Theory]
    [InlineData("UPDATE events SET type = 'tampered' WHERE stream_id = $1")]
    [InlineData("DELETE FROM events WHERE stream_id = $1")]
    [InlineData("TRUNCATE events")]
    public async Task GivenStoredEvents_WhenChangingThem_ThenPostgresRefusesAndTheEventsStay(string sql)
    {
        var database = fixture.Database;
        await using var store = database.CreateStore();
        var streamId = $"ledger/{Guid.NewGuid():N}";
        var appended = TestEvent.For(streamId);
        await store.AppendAsync(streamId, 0, [appended]);

        await using var command = database.DataSource.CreateCommand(sql);
        if (sql.Contains("$1", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.RestrictViolation, refused.SqlState);
        var stored = Assert.Single(await store.ReadStreamAsync(streamId, 0, 10));
        Assert.Equal((appended.EventId, appended.Type), (stored.EventId, stored.Type));
    }
}
