using Inventory.EventStore.Postgres;
using Inventory.Integration.Tests.Infrastructure;

namespace Inventory.Integration.Tests.Schema;

/// <summary>Several silos starting at once against an empty database.</summary>
public sealed class ConcurrentMigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task GivenAFreshDatabase_WhenFourMigratorsRunAtOnce_ThenOneAppliesEveryMigrationOnceAndTheOthersNone()
    {
        var dataSources = Enumerable.Range(0, 4).Select(_ => database.CreateDataSource()).ToList();
        try
        {
            var applied = await Task.WhenAll(dataSources.Select(d => SchemaMigratorFactory.Create(d).MigrateAsync()))
                .WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal([0, 0, 0, SchemaMigrator.Embedded.Count], applied.Order());
            Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), await SchemaMigratorFactory.AppliedVersionsAsync(dataSources[0]));
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }
}
