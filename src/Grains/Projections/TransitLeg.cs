namespace Inventory.Projections;

/// <summary>One SKU's part of one transfer as the <c>skus</c> view folds it from the items' events: dispatched at the
/// source, received at the destination, returned to the source. The events come from two items' streams, so a receipt may
/// be applied before its dispatch; the leg is dropped once everything dispatched is accounted for.</summary>
[GenerateSerializer, Alias("inventory.transit-leg")]
public sealed class TransitLeg
{
    [Id(0)] public string TransferId { get; set; } = "";

    [Id(1)] public string Sku { get; set; } = "";

    [Id(2)] public string FromWarehouseId { get; set; } = "";

    [Id(3)] public string ToWarehouseId { get; set; } = "";

    [Id(4)] public long Dispatched { get; set; }

    [Id(5)] public long Received { get; set; }

    [Id(6)] public long Returned { get; set; }

    /// <summary>When the line left the source (the dispatch event's time); default until the dispatch is applied.</summary>
    [Id(7)] public DateTimeOffset DispatchedAt { get; set; }

    public long InTransit => Dispatched - Received - Returned;

    /// <summary>Everything dispatched arrived or went back.</summary>
    public bool Settled => Dispatched > 0 && InTransit <= 0;
}
