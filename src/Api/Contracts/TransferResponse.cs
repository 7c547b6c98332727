namespace Inventory.Api.Contracts;

/// <summary>A transfer as it stands, with its own history. <see cref="Status"/> is one of <c>dispatching</c>,
/// <c>in-transit</c>, <c>completed</c>, <c>cancelling</c>, <c>cancelled</c>, <c>compensating</c>, <c>failed</c>.</summary>
public sealed record TransferResponse(
    string TransferId,
    string FromWarehouseId,
    string ToWarehouseId,
    string? Reason,
    string Status,
    IReadOnlyList<TransferLineResponse> Lines,
    DateTimeOffset RequestedAt,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? EndedAt,
    TransferFailureResponse? Failure,
    string? CancelReason,
    int Version,
    bool Duplicate,
    IReadOnlyList<ProcessEventResponse> History);
