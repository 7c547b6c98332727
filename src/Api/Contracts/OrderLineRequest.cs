namespace Inventory.Api.Contracts;

/// <summary>A SKU and a number of its units, as an order or a pick lists them.</summary>
public sealed record OrderLineRequest
{
    public required string Sku { get; init; }

    public required int Quantity { get; init; }
}
