namespace Inventory.Projections;

/// <summary>The <c>skus</c> projection's view of one SKU: its numbers in every warehouse.</summary>
[GenerateSerializer, Alias("inventory.sku-view-state")]
public sealed class SkuView : IProjectionView
{
    [Id(0)] public Dictionary<string, StockLevel> Warehouses { get; set; } = new(StringComparer.Ordinal);

    public void Apply(ProjectedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Warehouses[e.WarehouseId] = StockLevels.Apply(Warehouses.GetValueOrDefault(e.WarehouseId), e);
    }

    public SkuStock Stock(string sku)
    {
        var levels = Warehouses.Values.OrderBy(l => l.WarehouseId, StringComparer.Ordinal).ToList();
        return new SkuStock(sku, levels, StockLevels.Total(levels));
    }
}
