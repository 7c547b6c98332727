using Inventory.Contracts.StockItems;

namespace Inventory.StockItems;

/// <summary>
/// The mutable holder JournaledGrain needs (it transitions state in place); it only ever swaps in the next
/// immutable <see cref="StockItem"/> computed by <see cref="StockItem.Evolve"/>.
/// </summary>
[GenerateSerializer, Alias("inventory.stock-item-view")]
public sealed class StockItemView
{
    [Id(0)] public StockItem Item { get; set; } = StockItem.Empty;
}
