namespace Inventory.Contracts.Orders;

/// <summary>Goods of the order left the shelf: <see cref="Lines"/> picked against its reservations, or, without lines,
/// everything it still holds. <see cref="PickId"/> (chosen by the scanner) makes a retry safe.</summary>
[GenerateSerializer, Immutable, Alias("inventory.pick-order")]
public sealed record PickOrder
{
    [Id(0)] public required Guid PickId { get; init; }

    /// <summary>Null: every line's units still held.</summary>
    [Id(1)] public IReadOnlyList<OrderLine>? Lines { get; init; }

    /// <summary>Who sent the request (the API key's name, see <see cref="Principals"/>); null when no authenticated caller is
    /// known. Kept in the metadata of the events it causes, the process's and its items'; not part of the request's content.</summary>
    [Id(2)] public string? Principal { get; init; }
}
