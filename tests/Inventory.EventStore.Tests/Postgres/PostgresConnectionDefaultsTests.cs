using Inventory.Contracts.EventStore;
using Inventory.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inventory.EventStore.Tests.Postgres;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void GivenNoneOfTheDefaults_WhenApplyingThem_ThenThePoolIsBoundedStatementsArePreparedConnectionsAreNotResetAndTheRestKept()
    {
        var applied = new NpgsqlConnectionStringBuilder(
            PostgresConnectionDefaults.Apply("Host=db.example;Port=6543;Username=inventory;Database=stock;Timeout=7"));

        Assert.Equal(PostgresConnectionDefaults.MaxPoolSize, applied.MaxPoolSize);
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.True(applied.NoResetOnClose);
        Assert.Equal("db.example", applied.Host);
        Assert.Equal(6543, applied.Port);
        Assert.Equal("inventory", applied.Username);
        Assert.Equal("stock", applied.Database);
        Assert.Equal(7, applied.Timeout);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=50", 50)]
    [InlineData("Host=db;maxpoolsize=7", 7)]
    [InlineData("Host=db;MAXIMUM POOL SIZE=120", 120)]
    public void GivenAPoolSizeInAnySpelling_WhenApplyingDefaults_ThenItIsKept(string connectionString, int expected)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));

        Assert.Equal(expected, applied.MaxPoolSize);
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false;Maximum Pool Size=5")]
    [InlineData("Host=db;maxautoprepare=4;NoResetOnClose=true;MaxPoolSize=50")]
    public void GivenEveryDefaultSetOtherwise_WhenApplyingDefaults_ThenTheConnectionStringIsUnchanged(string connectionString)
    {
        Assert.Equal(connectionString, PostgresConnectionDefaults.Apply(connectionString));
    }

    [Fact]
    public void GivenAutomaticPreparationSwitchedOff_WhenApplyingDefaults_ThenItStaysOffAndTheOtherDefaultsAreAdded()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Max Auto Prepare=0"));

        Assert.Equal(0, applied.MaxAutoPrepare);
        Assert.True(applied.NoResetOnClose);
        Assert.Equal(PostgresConnectionDefaults.MaxPoolSize, applied.MaxPoolSize);
    }

    [Fact]
    public async Task GivenTheStoreRegisteredWithoutAPoolSize_WhenResolvingTheDataSource_ThenItUsesTheDefaultPool()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPostgresEventStore("Host=127.0.0.1;Port=1;Username=postgres;Database=unused");
        await using var provider = services.BuildServiceProvider();

        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();

        Assert.Equal(PostgresConnectionDefaults.MaxPoolSize, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize);
    }
}
