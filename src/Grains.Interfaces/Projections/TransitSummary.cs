namespace Inventory.Contracts.Projections;

/// <summary>What is in transit between warehouses: units, the transfers they travel on, and how many of those are overdue.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transit-summary")]
public sealed record TransitSummary([property: Id(0)] long Units, [property: Id(1)] int Transfers, [property: Id(2)] int OverdueTransfers);
