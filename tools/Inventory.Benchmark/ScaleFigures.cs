namespace Inventory.Benchmark;

/// <summary>What the scale phase measures at one size of the ledger (<paramref name="LedgerEvents"/> events in it when
/// measured): grain movements/s at 64 callers (the best of two rounds), and the medians of an item's history page, as-of
/// read and cold activation.</summary>
internal sealed record ScaleFigures(long LedgerEvents, double AppendsPerSecond, double HistoryMillis, double AsOfMillis, double ActivationMillis);
