namespace Inventory.Contracts.Transfers;

/// <summary>The line the source refused to dispatch, and the item's reason.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-failure")]
public sealed record TransferFailure([property: Id(0)] string Sku, [property: Id(1)] string Code, [property: Id(2)] string Message);
