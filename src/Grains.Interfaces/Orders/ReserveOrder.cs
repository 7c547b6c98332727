namespace Inventory.Contracts.Orders;

/// <summary>Reserve <see cref="Lines"/> in <see cref="WarehouseId"/> for the order. Sent again with the same content, it
/// is answered with the order as it stands; with other content, refused.</summary>
[GenerateSerializer, Immutable, Alias("inventory.reserve-order")]
public sealed record ReserveOrder
{
    [Id(0)] public required string WarehouseId { get; init; }

    [Id(1)] public required IReadOnlyList<OrderLine> Lines { get; init; }

    /// <summary>Who sent the request (the API key's name, see <see cref="Principals"/>); null when no authenticated caller is
    /// known. Kept in the metadata of the events it causes, the process's and its items'; not part of the request's content.</summary>
    [Id(2)] public string? Principal { get; init; }

    /// <summary>A stable description of what is asked for, to tell a retry from a reuse of the order id.</summary>
    public string Fingerprint() => $"{WarehouseId}:{string.Join(',', Lines.Select(l => $"{l.Sku}x{l.Quantity}"))}";
}
