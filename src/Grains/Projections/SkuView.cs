using Inventory.Contracts.Projections;
using Inventory.StockItems;

namespace Inventory.Projections;

/// <summary>The <c>skus</c> projection's view of one bucket of SKUs: each SKU's numbers in every warehouse.</summary>
[GenerateSerializer, Alias("inventory.sku-bucket-view-state")]
public sealed class SkuView : IProjectionView
{
    /// <summary>SKU, then warehouse.</summary>
    [Id(0)] public Dictionary<string, Dictionary<string, StockLevel>> Skus { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Transfer lines of the bucket's SKUs not yet settled, by <c>{transferId}/{sku}</c>.</summary>
    [Id(1)] public Dictionary<string, TransitLeg> Transit { get; set; } = new(StringComparer.Ordinal);

    public void Apply(ProjectedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!Skus.TryGetValue(e.Sku, out var warehouses))
        {
            Skus[e.Sku] = warehouses = new Dictionary<string, StockLevel>(StringComparer.Ordinal);
        }

        StockLevels.ApplyTo(warehouses, e.WarehouseId, e);
        switch (e.Event)
        {
            case TransferDispatched d:
                Leg(d.TransferId, e.Sku, e.WarehouseId, d.ToWarehouseId, leg =>
                {
                    leg.Dispatched += d.Quantity;
                    leg.DispatchedAt = d.RecordedAt;
                });
                break;
            case TransferReceived r:
                Leg(r.TransferId, e.Sku, r.FromWarehouseId, e.WarehouseId, leg => leg.Received += r.Quantity);
                break;
            case TransferReturned r:
                Leg(r.TransferId, e.Sku, e.WarehouseId, r.ToWarehouseId, leg => leg.Returned += r.Quantity);
                break;
        }
    }

    /// <summary>The unsettled transfer lines of the bucket from or to <paramref name="warehouseId"/> (all when null).</summary>
    public IReadOnlyList<TransitLine> InTransit(string? warehouseId = null, string? sku = null) =>
        [.. Transit.Values
            .Where(l => l.InTransit > 0 && (warehouseId is null || l.FromWarehouseId == warehouseId || l.ToWarehouseId == warehouseId) && (sku is null || l.Sku == sku))
            .Select(l => new TransitLine
            {
                TransferId = l.TransferId, Sku = l.Sku, FromWarehouseId = l.FromWarehouseId, ToWarehouseId = l.ToWarehouseId, InTransit = l.InTransit, DispatchedAt = l.DispatchedAt,
            })];

    private void Leg(string transferId, string sku, string from, string to, Action<TransitLeg> change)
    {
        var key = $"{transferId}/{sku}";
        if (!Transit.TryGetValue(key, out var leg))
        {
            Transit[key] = leg = new TransitLeg { TransferId = transferId, Sku = sku, FromWarehouseId = from, ToWarehouseId = to };
        }

        change(leg);
        if (leg.Settled)
        {
            Transit.Remove(key);
        }
    }

    public SkuStock Stock(string sku)
    {
        var levels = Skus.TryGetValue(sku, out var warehouses)
            ? warehouses.Values.OrderBy(l => l.WarehouseId, StringComparer.Ordinal).ToList()
            : [];
        return new SkuStock(sku, levels, StockLevels.Total(levels), InTransit(sku: sku));
    }
}
