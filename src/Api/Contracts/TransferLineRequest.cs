namespace Inventory.Api.Contracts;

/// <summary>A SKU and a number of its units.</summary>
public sealed record TransferLineRequest
{
    public required string Sku { get; init; }

    public required int Quantity { get; init; }
}
