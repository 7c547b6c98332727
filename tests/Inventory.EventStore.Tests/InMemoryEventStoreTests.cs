using Inventory.EventStore.Tests.Contract;

namespace Inventory.EventStore.Tests;

/// <summary>The contract against the embedded in-memory store: a new store per test.</summary>
public sealed class InMemoryEventStoreTests : EventStoreContract
{
    protected override Task<IEventStore> CreateStoreAsync() => Task.FromResult<IEventStore>(new InMemoryEventStore());
}
