namespace Inventory.Contracts.StockItems;

/// <summary>A signed correction of on-hand stock (damage, found goods...), with a reason.</summary>
[GenerateSerializer, Immutable, Alias("inventory.adjust-stock")]
public sealed record AdjustStock : StockCommand
{
    [Id(0)] public required int Delta { get; init; }

    [Id(1)] public required string Reason { get; init; }

    public override string Fingerprint() => $"adjust:{Delta}:{Reason}";
}
