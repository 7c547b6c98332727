namespace Inventory.Api.Contracts;

/// <summary>The SKUs of a warehouse whose available stock is below their reorder point.</summary>
public sealed record LowStockResponse(string WarehouseId, IReadOnlyList<StockLevelResponse> Items);
