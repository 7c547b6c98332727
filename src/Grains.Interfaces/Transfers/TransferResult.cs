using Inventory.Contracts.StockItems;

namespace Inventory.Contracts.Transfers;

/// <summary>The answer to a transfer request: the transfer as it stands after it (when there is one), and the
/// rejection when the request was refused (nothing was written for it). <see cref="Duplicate"/> marks a request
/// that had been applied before.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-result")]
public sealed record TransferResult
{
    [Id(0)] public TransferDetails? Transfer { get; init; }

    [Id(1)] public Rejection? Rejection { get; init; }

    [Id(2)] public bool Duplicate { get; init; }

    /// <summary>With <see cref="TransferRejectionCodes.DispatchFailed"/>: the line that could not be dispatched, and why.</summary>
    [Id(3)] public TransferFailure? Failure { get; init; }

    public bool Accepted => Rejection is null;
}
