using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>Tests that keep PostgreSQL transactions open on purpose. The log's horizon is server-wide (it holds back
/// every reader of the server, whatever the database), so these run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeldTransactionsCollection
{
    public const string Name = "Held PostgreSQL transactions";
}
