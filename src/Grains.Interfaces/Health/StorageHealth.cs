namespace Inventory.Contracts.Health;

/// <summary>Whether a silo reached its storage, and what it found.</summary>
[GenerateSerializer, Immutable, Alias("inventory.storage-health")]
public sealed record StorageHealth(
    [property: Id(0)] bool Reachable,
    [property: Id(1)] string Description)
{
    /// <summary>How long a check may take before the storage counts as unreachable.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);
}
