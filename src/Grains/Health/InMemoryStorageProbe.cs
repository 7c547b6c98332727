using Inventory.Contracts.Health;

namespace Inventory.Health;

/// <summary>The embedded mode's storage lives in the silo's own memory: always reachable.</summary>
public sealed class InMemoryStorageProbe : IStorageProbe
{
    private static readonly Task<StorageHealth> Reachable = Task.FromResult(new StorageHealth(true, "In-memory storage."));

    public Task<StorageHealth> CheckAsync(CancellationToken cancellationToken) => Reachable;
}
