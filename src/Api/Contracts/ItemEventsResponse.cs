namespace Inventory.Api.Contracts;

/// <summary>A page of an item's history, oldest first; <see cref="Next"/> is the URL of the next page, null on the last.</summary>
public sealed record ItemEventsResponse(string WarehouseId, string Sku, IReadOnlyList<ItemEventResponse> Events, string? Next);
