namespace Inventory.Contracts.Orders;

/// <summary>A SKU and a number of its units, as an order or a pick lists them.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-line")]
public sealed record OrderLine([property: Id(0)] string Sku, [property: Id(1)] int Quantity);
