namespace Inventory.Contracts.Transfers;

/// <summary>Units of a transfer arrived at its destination. <see cref="ReceiptId"/> (chosen by the scanner) makes a
/// retry safe: two receipts of the same lines are two arrivals only when their ids differ.</summary>
[GenerateSerializer, Immutable, Alias("inventory.receive-transfer-lines")]
public sealed record ReceiveTransferLines
{
    [Id(0)] public required Guid ReceiptId { get; init; }

    [Id(1)] public required IReadOnlyList<TransferLine> Lines { get; init; }
}
