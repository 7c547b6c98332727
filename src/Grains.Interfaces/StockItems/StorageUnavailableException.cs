namespace Inventory.Contracts.StockItems;

/// <summary>
/// The event store could not be reached, or did not confirm a write in time. The outcome of the
/// movement is unknown: retry it with the same movement id (it will not be applied twice).
/// </summary>
[GenerateSerializer, Alias("inventory.storage-unavailable")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
