using Inventory.Contracts.Health;
using Orleans.Concurrency;

namespace Inventory.Health;

/// <summary>Answers on the silo it is called on (a stateless worker activates locally), so a client's question reaches
/// the storage of the gateway silo it talks to.</summary>
[StatelessWorker]
[GrainType("storage-health")]
public sealed class StorageHealthGrain(IStorageProbe probe) : Grain, IStorageHealthGrain
{
    public async Task<StorageHealth> CheckAsync()
    {
        using var timeout = new CancellationTokenSource(StorageHealth.CheckTimeout);
        return await probe.CheckAsync(timeout.Token);
    }
}
