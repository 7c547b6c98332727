using System.Runtime.InteropServices;
using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>
/// The <c>warehouses</c> projection's view of one warehouse: every SKU's numbers, the last
/// <see cref="RecentCapacity"/> movements (newest first), and movements per minute for the last
/// <see cref="MinutesKept"/> minutes of recorded time.
/// </summary>
[GenerateSerializer, Alias("inventory.warehouse-view-state")]
public sealed class WarehouseView : IProjectionView
{
    public const int RecentCapacity = 100;
    public const int MinutesKept = 60;

    [Id(0)] public Dictionary<string, StockLevel> Items { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public List<RecentMovement> Recent { get; set; } = [];

    /// <summary>Movements by minute (Unix minutes of recorded time).</summary>
    [Id(2)] public Dictionary<long, long> MinuteCounts { get; set; } = [];

    [Id(3)] public long Movements { get; set; }

    /// <summary>The latest minute of <see cref="MinuteCounts"/>, worked out once (not stored).</summary>
    [NonSerialized]
    private long? _latestMinute;

    public void Apply(ProjectedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        StockLevels.ApplyTo(Items, e.Sku, e);
        AddRecent(new RecentMovement
        {
            WarehouseId = e.WarehouseId,
            Sku = e.Sku,
            MovementId = e.Event.MovementId,
            EventId = e.Envelope.EventId,
            Type = e.Envelope.Type,
            OnHandDelta = StockLevels.OnHandDelta(e.Event),
            OnHandAfter = e.Event.OnHandAfter,
            ReservedAfter = e.Event.ReservedAfter,
            Version = e.Envelope.Version,
            Position = e.Envelope.Position,
            RecordedAt = e.Envelope.RecordedAt,
            Principal = e.Envelope.Principal,
        });
        Count(e.Envelope.RecordedAt);
    }

    public WarehouseStockPage Page(string warehouseId, string? afterSku, int limit)
    {
        var skus = Items.Keys.Where(s => afterSku is null || string.CompareOrdinal(s, afterSku) > 0).Order(StringComparer.Ordinal).Take(limit + 1).ToList();
        var page = skus.Take(limit).Select(s => Items[s]).ToList();
        return new WarehouseStockPage(warehouseId, page, StockLevels.Total(Items.Values), skus.Count > limit ? page[^1].Sku : null);
    }

    public IReadOnlyList<StockLevel> LowStock() =>
        Items.Values.Where(l => l.IsLow).OrderBy(l => l.Sku, StringComparer.Ordinal).ToList();

    public WarehouseSummary Summary(string warehouseId) =>
        new(warehouseId, StockLevels.Total(Items.Values), Movements, PerMinute(MinuteCounts));

    /// <summary>The minute counts as a series, oldest first, ending at the latest minute with a movement.</summary>
    public static IReadOnlyList<MinuteCount> PerMinute(IReadOnlyDictionary<long, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            return [];
        }

        var last = counts.Keys.Max();
        return Enumerable.Range(0, MinutesKept)
            .Select(i => last - MinutesKept + 1 + i)
            .Select(m => new MinuteCount(DateTimeOffset.FromUnixTimeSeconds(m * 60), counts.GetValueOrDefault(m)))
            .ToList();
    }

    /// <summary>Keeps <paramref name="movement"/> among the newest <see cref="RecentCapacity"/> by position (newest
    /// first), once. Events mostly come in position order, so the place is nearly always the front: found without a scan
    /// of the list (a duplicate has its event's position, which no other event has).</summary>
    private void AddRecent(RecentMovement movement)
    {
        var index = 0;
        while (index < Recent.Count && Recent[index].Position > movement.Position)
        {
            index++;
        }

        if (index == Recent.Count)
        {
            if (Recent.Count >= RecentCapacity)
            {
                return; // older than every movement kept
            }
        }
        else if (Recent[index].Position == movement.Position && Recent[index].EventId == movement.EventId)
        {
            return;
        }

        Recent.Insert(index, movement);
        if (Recent.Count > RecentCapacity)
        {
            Recent.RemoveRange(RecentCapacity, Recent.Count - RecentCapacity);
        }
    }

    /// <summary>Counts a movement in its minute, keeping the <see cref="MinutesKept"/> minutes up to the latest one seen.
    /// A movement older than that is not counted (it would be dropped at once): a rebuild's events are in the log's
    /// order, not recorded time's.</summary>
    private void Count(DateTimeOffset recordedAt)
    {
        Movements++;
        var minute = recordedAt.ToUnixTimeSeconds() / 60;
        var latest = _latestMinute ??= MinuteCounts.Count > 0 ? MinuteCounts.Keys.Max() : long.MinValue;
        if (MinuteCounts.Count > 0 && minute <= latest - MinutesKept)
        {
            return;
        }

        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(MinuteCounts, minute, out var counted);
        count++;
        if (counted || minute <= latest)
        {
            return;
        }

        _latestMinute = minute;
        foreach (var stale in MinuteCounts.Keys.Where(m => m <= minute - MinutesKept).ToList())
        {
            MinuteCounts.Remove(stale);
        }
    }
}
