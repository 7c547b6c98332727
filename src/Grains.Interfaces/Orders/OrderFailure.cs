namespace Inventory.Contracts.Orders;

/// <summary>The line an item refused (to reserve or to pick), and the item's reason.</summary>
[GenerateSerializer, Immutable, Alias("inventory.order-failure")]
public sealed record OrderFailure([property: Id(0)] string Sku, [property: Id(1)] string Code, [property: Id(2)] string Message);
