namespace Inventory.Contracts.Transfers;

/// <summary>A SKU and a number of its units, as a transfer request or a receipt lists them.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-line")]
public sealed record TransferLine([property: Id(0)] string Sku, [property: Id(1)] int Quantity);
