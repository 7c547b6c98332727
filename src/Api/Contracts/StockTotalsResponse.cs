namespace Inventory.Api.Contracts;

/// <summary>Sums over the items of a view; <see cref="LowStock"/> counts the items whose available stock is below
/// their reorder point.</summary>
public sealed record StockTotalsResponse(int Items, long OnHand, long Reserved, long Available, int LowStock);
