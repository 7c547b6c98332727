using Inventory.Contracts.StockItems;

namespace Inventory.StockItems;

/// <summary>A stock item folded from its stream: the state, its version, and the version of the snapshot it started from (0: none).</summary>
public sealed record LoadedStockItem(StockItem Item, int Version, int SnapshotVersion);
