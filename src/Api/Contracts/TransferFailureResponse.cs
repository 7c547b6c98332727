namespace Inventory.Api.Contracts;

/// <summary>The line the source refused to dispatch, and why (the item's rejection code and message).</summary>
public sealed record TransferFailureResponse(string Sku, string Code, string Message);
