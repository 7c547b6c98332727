namespace Inventory.Api.Contracts;

/// <summary>A warehouse's most recent movements, newest (highest position) first.</summary>
public sealed record RecentMovementsResponse(string WarehouseId, IReadOnlyList<RecentMovementResponse> Movements);
