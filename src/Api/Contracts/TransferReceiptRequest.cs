namespace Inventory.Api.Contracts;

/// <summary>Units of a transfer that arrived at its destination. <see cref="ReceiptId"/> is the scanner's: the same
/// receipt sent again is applied once.</summary>
public sealed record TransferReceiptRequest
{
    public required Guid ReceiptId { get; init; }

    public required IReadOnlyList<TransferLineRequest> Lines { get; init; }
}
