using System.Diagnostics.CodeAnalysis;

namespace Inventory.Contracts.StockItems;

/// <summary>
/// Identity of a stock item: one SKU at one warehouse. The grain key and the event stream id are
/// both <c>"{warehouseId}/{sku}"</c>; each part follows <see cref="Identifiers"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-item-key")]
public readonly record struct StockItemKey
{
    private StockItemKey(string warehouseId, string sku)
    {
        WarehouseId = warehouseId;
        Sku = sku;
    }

    /// <summary>The stock item grain's type (its <c>[GrainType]</c>), for references made from a <see cref="GrainId"/>.</summary>
    public const string GrainType = "stock-item";

    [Id(0)] public string WarehouseId { get; }

    [Id(1)] public string Sku { get; }

    public static StockItemKey Create(string warehouseId, string sku)
    {
        if (!Identifiers.IsValid(warehouseId))
        {
            throw new ArgumentException($"Warehouse id '{warehouseId}': {Identifiers.Rule}", nameof(warehouseId));
        }

        if (!Identifiers.IsValid(sku))
        {
            throw new ArgumentException($"SKU '{sku}': {Identifiers.Rule}", nameof(sku));
        }

        return new StockItemKey(warehouseId, sku);
    }

    /// <summary>Splits a key (a stock item's stream id) at its first slash without checking the parts; a key without
    /// one is all warehouse id and no SKU.</summary>
    public static (string WarehouseId, string Sku) Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }

    public static bool TryParse(string? key, out StockItemKey result)
    {
        result = default;
        if (!IsKey(key))
        {
            return false;
        }

        var (warehouseId, sku) = Split(key);
        result = new StockItemKey(warehouseId, sku);
        return true;
    }

    /// <summary>Whether <paramref name="key"/> is a stock item's key (as <see cref="TryParse"/> would say), without
    /// making its parts: the read side asks it of every event's stream.</summary>
    public static bool IsKey([NotNullWhen(true)] string? key)
    {
        var slash = key?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash >= 0 && Identifiers.IsValid(key.AsSpan(0, slash)) && Identifiers.IsValid(key.AsSpan(slash + 1));
    }

    public static StockItemKey Parse(string key) =>
        TryParse(key, out var result)
            ? result
            : throw new FormatException($"'{key}' is not a stock item key of the form '{{warehouseId}}/{{sku}}'.");

    public override string ToString() => $"{WarehouseId}/{Sku}";
}
