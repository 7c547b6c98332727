namespace Inventory.Contracts.Projections;

/// <summary>
/// The read facade the API uses: routes each view read to the active generation of its projection. A read with a
/// <c>minPosition</c> waits (bounded) until the view includes the movement at that position of that item.
/// </summary>
[RetrySafe]
[Alias("inventory.views")]
public interface IViewsGrain : IGrainWithIntegerKey
{
    [Alias("warehouse-stock")]
    Task<WarehouseStockPage> GetWarehouseStockAsync(string warehouseId, string? afterSku, int limit);

    [Alias("low-stock")]
    Task<IReadOnlyList<StockLevel>> GetLowStockAsync(string warehouseId);

    [Alias("recent")]
    Task<IReadOnlyList<RecentMovement>> GetRecentMovementsAsync(string warehouseId);

    [Alias("sku-stock")]
    Task<SkuStock> GetSkuStockAsync(string sku);

    [Alias("overview")]
    Task<Overview> GetOverviewAsync();

    /// <summary>Units in transit between warehouses, of transfers from or to <paramref name="warehouseId"/> (all when
    /// null), oldest dispatch first, each line marked overdue when it left longer ago than the configured limit.</summary>
    [Alias("transit")]
    Task<IReadOnlyList<TransitLine>> GetTransitAsync(string? warehouseId);

    /// <summary>Waits up to <paramref name="timeout"/> until the views of the item's warehouse and SKU include its event
    /// at <paramref name="position"/>; false when the time ran out.</summary>
    [Alias("wait-for")]
    Task<bool> WaitForAsync(string streamId, long position, TimeSpan timeout);

    /// <summary>Like <see cref="WaitForAsync"/> for the event at a global position, whatever its item (a movement reply's
    /// <c>position</c>); false when the time ran out or no event has that position.</summary>
    [Alias("wait-for-position")]
    Task<bool> WaitForPositionAsync(long position, TimeSpan timeout);

    /// <summary>Like <see cref="WaitForPositionAsync"/>, and also until the overview lists the event's warehouse and SKU
    /// (the projections' coordinators learn of a new warehouse or SKU bucket from their catch-up, after the live views).</summary>
    [Alias("wait-for-listed-position")]
    Task<bool> WaitForListedPositionAsync(long position, TimeSpan timeout);
}
