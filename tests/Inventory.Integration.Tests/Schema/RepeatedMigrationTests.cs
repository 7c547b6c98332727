using Inventory.EventStore.Postgres;
using Inventory.Integration.Tests.Infrastructure;

namespace Inventory.Integration.Tests.Schema;

/// <summary>A silo restarting against a database that is already current.</summary>
public sealed class RepeatedMigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    /// <summary>Every query key Orleans 10.4.2 reads: clustering (silo and gateway list; the row-by-row cleanup
    /// is optional to it but used when present) and grain storage (delete is optional, for DeleteStateOnClear).</summary>
    private static readonly string[] OrleansQueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey", "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key",
        "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
        "UpsertReminderRowKey", "WriteToStorageKey",
    ];

    [Fact]
    public async Task GivenAMigratedDatabase_WhenMigratedAgain_ThenNothingIsAppliedAndTheHistoryIsUnchanged()
    {
        await using var dataSource = database.CreateDataSource();
        var migrator = SchemaMigratorFactory.Create(dataSource);
        await migrator.MigrateAsync();
        var history = await HistoryAsync();

        var second = await migrator.MigrateAsync();

        Assert.Equal(SchemaMigrator.Embedded.Count, history.Count);
        Assert.Equal(0, second);
        Assert.Equal(history, await HistoryAsync());

        async Task<List<string>> HistoryAsync()
        {
            await using var command = dataSource.CreateCommand("SELECT version || ' ' || checksum || ' ' || applied_at FROM schema_migrations ORDER BY version");
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }
    }

    [Fact]
    public async Task GivenAMigratedDatabase_ThenOrleansQueryHoldsEveryKeyTheProvidersRead()
    {
        await using var dataSource = database.CreateDataSource();
        await SchemaMigratorFactory.Create(dataSource).MigrateAsync();

        await using var command = dataSource.CreateCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        Assert.Equal(OrleansQueryKeys, keys);
    }
}
