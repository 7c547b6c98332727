namespace Inventory.Api.Contracts;

/// <summary>Sums over the items at an instant (as <see cref="StockTotalsResponse"/> without the low-stock count).</summary>
public sealed record StockTotalsAsOfResponse(int Items, long OnHand, long Reserved, long Available);
