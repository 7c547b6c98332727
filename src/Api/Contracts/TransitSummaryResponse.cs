namespace Inventory.Api.Contracts;

/// <summary>Units in transit between warehouses, the transfers they travel on, and how many of those are overdue.</summary>
public sealed record TransitSummaryResponse(long Units, int Transfers, int OverdueTransfers);
