namespace Inventory.Contracts.Transfers;

/// <summary>Units of a transfer arrived at its destination. <see cref="ReceiptId"/> (chosen by the scanner) makes a
/// retry safe: two receipts of the same lines are two arrivals only when their ids differ.</summary>
[GenerateSerializer, Immutable, Alias("inventory.receive-transfer-lines")]
public sealed record ReceiveTransferLines
{
    [Id(0)] public required Guid ReceiptId { get; init; }

    [Id(1)] public required IReadOnlyList<TransferLine> Lines { get; init; }

    /// <summary>Who sent the request (the API key's name, see <see cref="Principals"/>); null when no authenticated caller is
    /// known. Kept in the metadata of the events it causes, the process's and its items'; not part of the request's content.</summary>
    [Id(2)] public string? Principal { get; init; }
}
