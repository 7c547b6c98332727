namespace Inventory.Projections;

/// <summary>The dashboard's projections.</summary>
public static class StandardProjections
{
    /// <summary>Per warehouse: stock by SKU, low stock, recent movements, movements per minute.</summary>
    public static ProjectionDefinition Warehouses { get; } = new("warehouses", WarehouseViewGrain.GrainTypeName, e => WarehouseOf(e.StreamId));

    /// <summary>Per SKU: its stock in every warehouse.</summary>
    public static ProjectionDefinition Skus { get; } = new("skus", SkuViewGrain.GrainTypeName, e => SkuOf(e.StreamId));

    public static string WarehouseOf(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var slash = streamId.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? streamId : streamId[..slash];
    }

    public static string SkuOf(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        return streamId[(streamId.IndexOf('/', StringComparison.Ordinal) + 1)..];
    }
}
