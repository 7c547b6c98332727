namespace Inventory.Cli;

/// <summary>Something in the ledger that breaks its rules, at a stream's version.</summary>
public sealed record Discrepancy(string StreamId, int Version, string Problem);
