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

    /// <summary>Who sent the request (the API key's name, see <see cref="Principals"/>); null when no authenticated caller is
    /// known. Kept in the metadata of the events it causes, the process's and its items'; not part of the request's content.</summary>
    [Id(4)] public string? Principal { get; init; }

    /// <summary>A stable description of what is asked for, to tell a retry from a reuse of the transfer id.</summary>
    public string Fingerprint() =>
        $"{FromWarehouseId}>{ToWarehouseId}:{string.Join(',', Lines.Select(l => $"{l.Sku}x{l.Quantity}"))}:{Reason}";
}
