namespace Inventory.Integration.Tests.ReadSide;

/// <summary>One try to send a movement to an item: when it started and ended on the load's clock, and whether it was answered.</summary>
public sealed record Attempt(string Key, TimeSpan Started, TimeSpan Ended, bool Ok);
