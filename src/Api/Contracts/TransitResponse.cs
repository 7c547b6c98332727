namespace Inventory.Api.Contracts;

/// <summary>Transfers with units in transit, oldest dispatch first (only the overdue ones with <c>?overdue=true</c>).</summary>
public sealed record TransitResponse(long Units, int Transfers, int OverdueTransfers, IReadOnlyList<TransitTransferResponse> InTransit);
