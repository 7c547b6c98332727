using Inventory.Audit;
using Inventory.EventStore.Tests.Contract;

namespace Inventory.EventStore.Tests;

/// <summary>The operator audit contract against the embedded in-memory store: a new store per test.</summary>
public sealed class InMemoryOperatorAuditStoreTests : OperatorAuditStoreContract
{
    protected override Task<IOperatorAuditStore> CreateStoreAsync() => Task.FromResult<IOperatorAuditStore>(new InMemoryOperatorAuditStore());
}
