using Inventory.Contracts.Health;

namespace Inventory.Health;

/// <summary>Checks, cheaply and now, that the silo reaches its storage.</summary>
public interface IStorageProbe
{
    Task<StorageHealth> CheckAsync(CancellationToken cancellationToken);
}
