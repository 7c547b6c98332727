namespace Inventory.Api.Contracts;

/// <summary>One transfer's units still on the road, by SKU.</summary>
public sealed record TransitTransferResponse(
    string TransferId, string FromWarehouseId, string ToWarehouseId, long InTransit, DateTimeOffset DispatchedAt, bool Overdue, IReadOnlyList<TransitSkuResponse> Lines);
