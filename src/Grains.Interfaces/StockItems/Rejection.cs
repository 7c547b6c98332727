namespace Inventory.Contracts.StockItems;

/// <summary>Why a command was refused: a stable machine-readable code and a message for people.</summary>
[GenerateSerializer, Immutable, Alias("inventory.rejection")]
public sealed record Rejection([property: Id(0)] string Code, [property: Id(1)] string Message);
