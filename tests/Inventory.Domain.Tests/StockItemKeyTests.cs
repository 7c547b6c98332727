using Inventory.Contracts;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Domain.Tests;

public sealed class StockItemKeyTests
{
    [Theory]
    [InlineData("wh-1/sku-42", "wh-1", "sku-42")]
    [InlineData("A.b_c-9/X", "A.b_c-9", "X")]
    public void GivenWellFormedKey_WhenParsed_ThenPartsRoundTrip(string key, string warehouseId, string sku)
    {
        Assert.True(StockItemKey.TryParse(key, out var parsed));
        Assert.Equal((warehouseId, sku), (parsed.WarehouseId, parsed.Sku));
        Assert.Equal(key, parsed.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-slash")]
    [InlineData("/sku")]
    [InlineData("wh/")]
    [InlineData("wh/sku/extra")]
    [InlineData("wh 1/sku")]
    [InlineData("wh/sku\n")]
    [InlineData("wh\n/sku")]
    [InlineData("wh/skü")]
    public void GivenMalformedKey_WhenParsed_ThenRefused(string? key)
    {
        Assert.False(StockItemKey.TryParse(key, out _));
    }

    [Fact]
    public void GivenPartOf64Characters_ThenAccepted_AndOf65_ThenRefused()
    {
        Assert.True(Identifiers.IsValid(new string('a', 64)));
        Assert.False(Identifiers.IsValid(new string('a', 65)));
        Assert.Throws<ArgumentException>(() => StockItemKey.Create("wh", new string('a', 65)));
    }
}
