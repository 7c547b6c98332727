namespace Inventory.Contracts.StockItems;

/// <summary>
/// One SKU at one warehouse, keyed <c>"{warehouseId}/{sku}"</c> (see <see cref="StockItemKey"/>).
/// The grain interface is the command bus: a movement goes in, a <see cref="MovementResult"/> comes out.
/// </summary>
[RetrySafe]
[Alias("inventory.IStockItemGrain")]
public interface IStockItemGrain : IGrainWithStringKey
{
    /// <summary>Validates and applies a movement. Rule violations come back as a rejection, not an exception;
    /// <see cref="StorageUnavailableException"/> means the outcome is unknown and the movement may be retried.</summary>
    [Alias("execute")]
    Task<MovementResult> ExecuteAsync(StockCommand command);

    /// <summary>The current confirmed state.</summary>
    [Alias("get-details")]
    Task<StockItemDetails> GetDetailsAsync();

    /// <summary>The state right after <paramref name="version"/>, or null when the item has fewer events.</summary>
    [Alias("get-details-at-version")]
    Task<StockItemDetails?> GetDetailsAtVersionAsync(int version);

    /// <summary>The state as it was at <paramref name="asOf"/>, or null when the item had no history then.</summary>
    [Alias("get-details-as-of")]
    Task<StockItemDetails?> GetDetailsAsOfAsync(DateTimeOffset asOf);

    /// <summary>The item's events after <paramref name="afterVersion"/>, oldest first, at most <paramref name="limit"/>.</summary>
    [Alias("get-history")]
    Task<HistoryPage> GetHistoryAsync(int afterVersion, int limit);
}
