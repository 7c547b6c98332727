namespace Inventory.Contracts.Transfers;

/// <summary>Move <see cref="Lines"/> from <see cref="FromWarehouseId"/> to <see cref="ToWarehouseId"/>. Sent again with
/// the same content, it is answered with the transfer as it stands; with other content, refused.</summary>
[GenerateSerializer, Immutable, Alias("inventory.start-transfer")]
public sealed record StartTransfer
{
    [Id(0)] public required string FromWarehouseId { get; init; }

    [Id(1)] public required string ToWarehouseId { get; init; }

    [Id(2)] public required IReadOnlyList<TransferLine> Lines { get; init; }

    [Id(3)] public string? Reason { get; init; }

    /// <summary>A stable description of what is asked for, to tell a retry from a reuse of the transfer id.</summary>
    public string Fingerprint() =>
        $"{FromWarehouseId}>{ToWarehouseId}:{string.Join(',', Lines.Select(l => $"{l.Sku}x{l.Quantity}"))}:{Reason}";
}
