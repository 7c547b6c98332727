namespace Inventory.Api.Contracts;

/// <summary>A SKU's units of a transfer still on the road.</summary>
public sealed record TransitSkuResponse(string Sku, long InTransit);
