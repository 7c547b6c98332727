using Inventory.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inventory.EventStore.Tests.Postgres;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void GivenNoPoolSize_WhenApplyingDefaults_ThenThePoolIsBoundedAndTheRestKept()
    {
        var applied = new NpgsqlConnectionStringBuilder(
            PostgresConnectionDefaults.Apply("Host=db.example;Port=6543;Username=inventory;Database=stock;Timeout=7"));

        Assert.Equal(PostgresConnectionDefaults.MaxPoolSize, applied.MaxPoolSize);
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
        var applied = PostgresConnectionDefaults.Apply(connectionString);

        Assert.Equal(connectionString, applied);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(applied).MaxPoolSize);
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
