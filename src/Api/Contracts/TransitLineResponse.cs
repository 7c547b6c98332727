namespace Inventory.Api.Contracts;

/// <summary>Units of one SKU of one transfer on their way from one warehouse to another.</summary>
public sealed record TransitLineResponse(string TransferId, string Sku, string FromWarehouseId, string ToWarehouseId, long InTransit, DateTimeOffset DispatchedAt, bool Overdue);
