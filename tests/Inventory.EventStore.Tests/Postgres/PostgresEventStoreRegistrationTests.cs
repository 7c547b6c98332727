using Inventory.AsOf;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore.Postgres;
using Inventory.Hosting;
using Inventory.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>Composition only: nothing here connects to a server.</summary>
public sealed class PostgresEventStoreRegistrationTests
{
    private const string NeverOpened = "Host=127.0.0.1;Port=1;Username=postgres;Database=unused";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GivenInventoryGrains_WhenAddingThePostgresStoreBeforeOrAfter_ThenItIsTheOnlyEventStoreEventLogDeadLetterStoreAndStockLedger(bool postgresFirst)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        if (postgresFirst)
        {
            services.AddPostgresEventStore(NeverOpened);
        }

        services.AddOrleans(silo => silo.AddInventoryGrains());
        if (!postgresFirst)
        {
            services.AddPostgresEventStore(NeverOpened);
        }

        await using var provider = services.BuildServiceProvider();

        var store = Assert.Single(provider.GetServices<IEventStore>());
        Assert.IsType<PostgresEventStore>(store);
        Assert.Same(store, provider.GetRequiredService<IEventStore>());
        Assert.Same(store, provider.GetRequiredService<PostgresEventStore>());
        Assert.IsType<SchemaMigrator>(provider.GetService<SchemaMigrator>());
        Assert.Same(store, Assert.Single(provider.GetServices<IEventLog>()));
        var deadLetters = Assert.Single(provider.GetServices<IDeadLetterStore>());
        Assert.IsType<PostgresDeadLetterStore>(deadLetters);
        Assert.Same(deadLetters, provider.GetRequiredService<IDeadLetterStore>());
        Assert.IsType<PostgresStockLedger>(Assert.Single(provider.GetServices<IStockLedger>()));
    }

    [Fact]
    public async Task GivenInventoryGrainsAlone_WhenResolving_ThenOneInMemoryStoreIsBothEventStoreAndEventLogAndDeadLettersAreInMemory()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddOrleans(silo => silo.AddInventoryGrains());

        await using var provider = services.BuildServiceProvider();

        var store = Assert.Single(provider.GetServices<IEventStore>());
        Assert.IsType<InMemoryEventStore>(store);
        Assert.Same(store, Assert.Single(provider.GetServices<IEventLog>()));
        Assert.IsType<InMemoryDeadLetterStore>(Assert.Single(provider.GetServices<IDeadLetterStore>()));
        Assert.IsType<LogScanStockLedger>(Assert.Single(provider.GetServices<IStockLedger>()));
    }

    [Fact]
    public async Task GivenAnEventStoreThatIsNoEventLog_WhenResolvingTheLog_ThenTheErrorSaysSo()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton<IEventStore>(new StoreWithoutLog());
        services.AddOrleans(silo => silo.AddInventoryGrains());

        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IEventLog>());
        Assert.Contains(nameof(IEventLog), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenResolvedStore_WhenTheContainerIsDisposedSynchronously_ThenTheStoreStopsAppending()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddPostgresEventStore(NeverOpened);
        var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IEventStore>();

        provider.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync("stream", 0, [TestEvent.For("stream")]));
    }
}
