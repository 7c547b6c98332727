using Inventory.Contracts.StockItems;

namespace Inventory.StockItems;

/// <summary>Tuning of the stock item grains; section <c>Inventory:StockItems</c>.</summary>
public sealed class StockItemOptions
{
    public const string Section = "Inventory:StockItems";

    /// <summary>A snapshot is saved once this many events were appended since the last one.</summary>
    public int SnapshotInterval { get; set; } = 500;

    /// <summary>How long a movement waits for the event store to confirm its event before the caller is told
    /// the store is unavailable (the movement may then be retried with the same id); also bounds each of the item's
    /// reads of the store (activation, history, past states).</summary>
    public TimeSpan CommitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a movement is decided again after losing a race for the stream's next version.</summary>
    public int MaxConflictRetries { get; set; } = 5;

    /// <summary>Largest page of history one call returns.</summary>
    public int MaxHistoryPage { get; set; } = 1000;

    /// <summary>True when the values can run the grains.</summary>
    public bool IsValid => SnapshotInterval >= 1 && MaxHistoryPage >= 1 && CommitTimeout > TimeSpan.Zero && MaxConflictRetries >= 0;
}
