namespace Inventory.Api.Contracts;

/// <summary>A transfer's line: requested, dispatched, received, returned and in transit (dispatched - received - returned).</summary>
public sealed record TransferLineResponse(string Sku, int Requested, long Dispatched, long Received, long Returned, long InTransit);
