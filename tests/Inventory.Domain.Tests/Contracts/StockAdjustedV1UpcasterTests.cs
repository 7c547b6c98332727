using System.Text.Json.Nodes;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.Contracts;

public sealed class StockAdjustedV1UpcasterTests
{
    private readonly StockAdjustedV1Upcaster _upcaster = new();

    [Fact]
    public void GivenTheUpcaster_ThenItTurnsStockAdjustedV1IntoV2()
    {
        Assert.Equal(("stock-adjusted", 1), (_upcaster.Type, _upcaster.FromVersion));
        Assert.Equal((StockItemEventTypes.Adjusted, 2), StockItemEventTypes.Serializer.NameOf(new StockAdjusted
        {
            MovementId = Guid.Empty, RecordedAt = default, Delta = 1, Reason = "x", OnHandAfter = 0, ReservedAfter = 0,
        }));
    }

    [Fact]
    public void GivenV1Increase_WhenUpcasting_ThenDeltaIsTheQuantityAndTheOtherFieldsAreKept()
    {
        var v2 = _upcaster.Upcast(V1(quantity: 5, direction: "increase"));

        Assert.True(JsonNode.DeepEquals(V2(delta: 5), v2), v2.ToJsonString());
    }

    [Fact]
    public void GivenV1Decrease_WhenUpcasting_ThenDeltaIsTheNegatedQuantity()
    {
        var v2 = _upcaster.Upcast(V1(quantity: 5, direction: "decrease"));

        Assert.True(JsonNode.DeepEquals(V2(delta: -5), v2), v2.ToJsonString());
    }

    [Fact]
    public void GivenV1_WhenUpcasting_ThenTheInputIsNotModified()
    {
        var v1 = V1(quantity: 5, direction: "decrease");

        _ = _upcaster.Upcast(v1);

        Assert.True(JsonNode.DeepEquals(V1(quantity: 5, direction: "decrease"), v1), v1.ToJsonString());
    }

    [Theory]
    [InlineData("sideways")]
    [InlineData("Increase")]
    [InlineData("")]
    public void GivenV1WithAnUnknownDirection_WhenUpcasting_ThenThrowsFormatException(string direction)
    {
        var ex = Assert.Throws<FormatException>(() => _upcaster.Upcast(V1(quantity: 5, direction: direction)));

        Assert.Contains($"'{direction}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenV1WithoutADirection_WhenUpcasting_ThenThrowsFormatException()
    {
        var v1 = V1(quantity: 5, direction: "increase");
        v1.Remove("direction");

        Assert.Throws<FormatException>(() => _upcaster.Upcast(v1));
    }

    [Fact]
    public void GivenV1WithoutAQuantity_WhenUpcasting_ThenThrowsFormatException()
    {
        var v1 = V1(quantity: 5, direction: "decrease");
        v1.Remove("quantity");

        Assert.Throws<FormatException>(() => _upcaster.Upcast(v1));
    }

    private static JsonObject V1(int quantity, string direction) => new()
    {
        ["movementId"] = "0195e3a1-7c00-7000-8000-000000000008",
        ["recordedAt"] = "2024-05-02T08:08:00+00:00",
        ["onHandAfter"] = 75,
        ["reservedAfter"] = 24,
        ["quantity"] = quantity,
        ["direction"] = direction,
        ["reason"] = "damaged",
    };

    private static JsonObject V2(int delta) => new()
    {
        ["movementId"] = "0195e3a1-7c00-7000-8000-000000000008",
        ["recordedAt"] = "2024-05-02T08:08:00+00:00",
        ["onHandAfter"] = 75,
        ["reservedAfter"] = 24,
        ["reason"] = "damaged",
        ["delta"] = delta,
    };
}
