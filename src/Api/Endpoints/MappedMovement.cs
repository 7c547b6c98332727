using Inventory.Contracts.StockItems;

namespace Inventory.Api.Endpoints;

/// <summary>A request turned into the grain command for one stock item.</summary>
public sealed record MappedMovement(StockItemKey Key, StockCommand Command);
