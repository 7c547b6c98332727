using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>The <c>skus</c> projection's view of one bucket of SKUs: each SKU's numbers in every warehouse.</summary>
[GenerateSerializer, Alias("inventory.sku-bucket-view-state")]
public sealed class SkuView : IProjectionView
{
    /// <summary>SKU, then warehouse.</summary>
    [Id(0)] public Dictionary<string, Dictionary<string, StockLevel>> Skus { get; set; } = new(StringComparer.Ordinal);

    public void Apply(ProjectedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!Skus.TryGetValue(e.Sku, out var warehouses))
        {
            Skus[e.Sku] = warehouses = new Dictionary<string, StockLevel>(StringComparer.Ordinal);
        }

        StockLevels.ApplyTo(warehouses, e.WarehouseId, e);
    }

    public SkuStock Stock(string sku)
    {
        var levels = Skus.TryGetValue(sku, out var warehouses)
            ? warehouses.Values.OrderBy(l => l.WarehouseId, StringComparer.Ordinal).ToList()
            : [];
        return new SkuStock(sku, levels, StockLevels.Total(levels));
    }
}
