using System.Runtime.InteropServices;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Projections;

/// <summary>How an event changes an item's <see cref="StockLevel"/> in a view; older versions never overwrite newer ones.</summary>
public static class StockLevels
{
    /// <summary>The level after <paramref name="e"/>, from the item's current one (<c>null</c> if the view has none yet).</summary>
    public static StockLevel Apply(StockLevel? current, ProjectedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var level = current ?? new StockLevel { WarehouseId = e.WarehouseId, Sku = e.Sku };
        if (level.Version >= e.Envelope.Version)
        {
            return level;
        }

        return level with
        {
            OnHand = e.Event.OnHandAfter,
            Reserved = e.Event.ReservedAfter,
            ReorderPoint = e.Event is ReorderPointSet set ? set.ReorderPoint : level.ReorderPoint,
            Version = e.Envelope.Version,
            Position = e.Envelope.Position,
            LastMovementAt = e.Envelope.RecordedAt,
        };
    }

    /// <summary>Applies <paramref name="e"/> to the item's entry of <paramref name="levels"/>, in place (see <see cref="StockLevel"/>).</summary>
    public static void ApplyTo(Dictionary<string, StockLevel> levels, string key, ProjectedEvent e)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ref var level = ref CollectionsMarshal.GetValueRefOrAddDefault(levels, key, out var exists);
        level = Apply(exists ? level : null, e);
    }

    /// <summary>The change of on-hand an event made.</summary>
    public static long OnHandDelta(StockItemEvent e) => e switch
    {
        StockReceived r => r.Quantity,
        StockPicked p => -p.Quantity,
        StockAdjusted a => a.Delta,
        StockCounted c => c.Delta,
        TransferDispatched d => -d.Quantity,
        TransferReceived r => r.Quantity,
        TransferReturned r => r.Quantity,
        _ => 0,
    };

    public static StockTotals Total(IEnumerable<StockLevel> levels)
    {
        int items = 0, low = 0;
        long onHand = 0, reserved = 0;
        foreach (var level in levels)
        {
            items++;
            onHand += level.OnHand;
            reserved += level.Reserved;
            low += level.IsLow ? 1 : 0;
        }

        return new StockTotals(items, onHand, reserved, onHand - reserved, low);
    }
}
