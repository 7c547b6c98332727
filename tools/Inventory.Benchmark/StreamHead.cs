namespace Inventory.Benchmark;

/// <summary>A stream's last event in the store, folded: its version and the balances after it.</summary>
internal readonly record struct StreamHead(int Version, long OnHand, long Reserved);
