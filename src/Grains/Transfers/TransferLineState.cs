namespace Inventory.Transfers;

/// <summary>One line of a transfer as its log tells it. In transit: <see cref="Dispatched"/> - <see cref="Received"/> -
/// <see cref="Returned"/>, never below zero.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-line-state")]
public sealed record TransferLineState([property: Id(0)] string Sku, [property: Id(1)] int Requested)
{
    [Id(2)] public long Dispatched { get; init; }

    [Id(3)] public long Received { get; init; }

    [Id(4)] public long Returned { get; init; }

    public long InTransit => Dispatched - Received - Returned;
}
