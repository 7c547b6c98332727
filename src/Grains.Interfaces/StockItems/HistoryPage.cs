namespace Inventory.Contracts.StockItems;

/// <summary>A page of an item's history, oldest first; <see cref="NextAfterVersion"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("inventory.history-page")]
public sealed record HistoryPage(
    [property: Id(0)] IReadOnlyList<HistoryEntry> Entries,
    [property: Id(1)] int? NextAfterVersion);
