namespace Inventory.Api.Contracts;

/// <summary>A warehouse's stock on the road: lines that left it (outgoing) and lines on their way to it (incoming).</summary>
public sealed record WarehouseTransitResponse(
    string WarehouseId, long OutgoingUnits, long IncomingUnits, IReadOnlyList<TransitLineResponse> Outgoing, IReadOnlyList<TransitLineResponse> Incoming);
