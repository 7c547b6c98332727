namespace Inventory.Api.Contracts;

/// <summary>The line an item refused (to reserve or to pick), and why (the item's rejection code and message).</summary>
public sealed record OrderFailureResponse(string Sku, string Code, string Message);
