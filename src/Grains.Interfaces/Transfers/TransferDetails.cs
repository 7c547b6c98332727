using Inventory.Contracts.Processes;

namespace Inventory.Contracts.Transfers;

/// <summary>A transfer as it stands, with its own history.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-details")]
public sealed record TransferDetails
{
    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required string FromWarehouseId { get; init; }

    [Id(2)] public required string ToWarehouseId { get; init; }

    [Id(3)] public string? Reason { get; init; }

    /// <summary>One of <see cref="TransferStatuses"/>.</summary>
    [Id(4)] public required string Status { get; init; }

    [Id(5)] public required IReadOnlyList<TransferLineDetails> Lines { get; init; }

    [Id(6)] public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When the last line left the source; null until every line did.</summary>
    [Id(7)] public DateTimeOffset? DispatchedAt { get; init; }

    /// <summary>When the transfer completed, was cancelled or failed; null while it is open.</summary>
    [Id(8)] public DateTimeOffset? EndedAt { get; init; }

    [Id(9)] public TransferFailure? Failure { get; init; }

    [Id(10)] public string? CancelReason { get; init; }

    /// <summary>The version of the transfer's log.</summary>
    [Id(11)] public required int Version { get; init; }

    [Id(12)] public required IReadOnlyList<ProcessHistoryEntry> History { get; init; }
}
