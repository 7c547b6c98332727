using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore.Tests.Contract;
using Inventory.Projections;

namespace Inventory.EventStore.Tests;

/// <summary>The dead-letter contract against the embedded in-memory store: a new store per test.</summary>
public sealed class InMemoryDeadLetterStoreTests : DeadLetterStoreContract
{
    protected override Task<IDeadLetterStore> CreateStoreAsync() => Task.FromResult<IDeadLetterStore>(new InMemoryDeadLetterStore());
}
