namespace Inventory.Contracts.Health;

/// <summary>Asks a silo whether it reaches its storage (PostgreSQL, or the in-memory store). The API's readiness asks
/// the cluster through it instead of opening a database connection of its own.</summary>
[RetrySafe]
[Alias("inventory.IStorageHealthGrain")]
public interface IStorageHealthGrain : IGrainWithIntegerKey
{
    /// <summary>Checks the storage now, within <see cref="StorageHealth.CheckTimeout"/>.</summary>
    [Alias("check")]
    Task<StorageHealth> CheckAsync();
}
