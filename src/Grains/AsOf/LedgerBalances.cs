using System.Text.Json;
using Inventory.Contracts.AsOf;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;

namespace Inventory.AsOf;

/// <summary>The balances a stock item event carries (<c>onHandAfter</c>, <c>reservedAfter</c>: in every version of every
/// stock item event), as a <see cref="StockLevelAsOf"/>.</summary>
public static class LedgerBalances
{
    /// <summary>Times as the store keeps them: truncated to the microsecond.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));

    public static StockLevelAsOf Read(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (warehouseId, sku) = StockItemKey.Split(e.StreamId);
        using var data = JsonDocument.Parse(e.Data);
        return new StockLevelAsOf(
            warehouseId,
            sku,
            data.RootElement.GetProperty("onHandAfter").GetInt64(),
            data.RootElement.GetProperty("reservedAfter").GetInt64(),
            e.Version,
            e.GlobalPosition,
            e.RecordedAt);
    }
}
