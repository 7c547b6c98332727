namespace Inventory.Contracts.AsOf;

/// <summary>Sums over the items of an as-of read (no low-stock count: reorder points are not part of the ledger's
/// balances).</summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-totals-as-of")]
public sealed record StockTotalsAsOf(
    [property: Id(0)] int Items,
    [property: Id(1)] long OnHand,
    [property: Id(2)] long Reserved)
{
    public static StockTotalsAsOf None { get; } = new(0, 0, 0);

    public long Available => OnHand - Reserved;

    public static StockTotalsAsOf Of(IEnumerable<StockLevelAsOf> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var (items, onHand, reserved) = (0, 0L, 0L);
        foreach (var level in levels)
        {
            (items, onHand, reserved) = (items + 1, onHand + level.OnHand, reserved + level.Reserved);
        }

        return new StockTotalsAsOf(items, onHand, reserved);
    }
}
