namespace Inventory.Contracts.Transfers;

/// <summary>One line of a transfer: requested, and what of it was dispatched, received, returned, and is in transit
/// (dispatched - received - returned).</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-line-details")]
public sealed record TransferLineDetails
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Requested { get; init; }

    [Id(2)] public required long Dispatched { get; init; }

    [Id(3)] public required long Received { get; init; }

    [Id(4)] public required long Returned { get; init; }

    public long InTransit => Dispatched - Received - Returned;
}
