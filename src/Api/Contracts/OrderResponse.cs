namespace Inventory.Api.Contracts;

/// <summary>An order as it stands, with its own history. <see cref="Status"/> is one of <c>reserving</c>,
/// <c>reserved</c>, <c>picking</c>, <c>releasing</c>, <c>released</c>, <c>fulfilled</c>, <c>compensating</c>,
/// <c>failed</c>.</summary>
public sealed record OrderResponse(
    string OrderId,
    string WarehouseId,
    string Status,
    IReadOnlyList<OrderLineResponse> Lines,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ReservedAt,
    DateTimeOffset? EndedAt,
    OrderFailureResponse? Failure,
    string? ReleaseReason,
    int Version,
    bool Duplicate,
    IReadOnlyList<ProcessEventResponse> History);
