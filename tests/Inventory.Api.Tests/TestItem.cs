namespace Inventory.Api.Tests;

/// <summary>A stock item no other test uses.</summary>
public sealed record TestItem(string WarehouseId, string Sku)
{
    public string Key => $"{WarehouseId}/{Sku}";

    public string Url => $"/api/v1/items/{WarehouseId}/{Sku}";

    public static TestItem New() => new($"wh-{Guid.NewGuid():N}"[..11], $"sku-{Guid.NewGuid():N}"[..12]);
}
