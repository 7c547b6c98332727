namespace Inventory.Integration.Tests.ReadSide;

/// <summary>The views as a fresh replay of the event store computes them, with the warehouses and SKUs it holds and its
/// number of events.</summary>
public sealed record ReplayedStore(ViewSnapshot Views, IReadOnlyList<string> Warehouses, IReadOnlyList<string> Skus, int Events);
