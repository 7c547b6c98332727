using System.Text.Json.Nodes;
using Inventory.Contracts.EventStore;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;

namespace Inventory.StockItems;

/// <summary>
/// <c>stock-adjusted</c> v1 stored an unsigned <c>quantity</c> and a <c>direction</c> ("increase" or
/// "decrease"); v2 stores a signed <c>delta</c>. Everything else is unchanged.
/// </summary>
public sealed class StockAdjustedV1Upcaster : IEventUpcaster
{
    public string Type => StockItemEventTypes.Adjusted;

    public int FromVersion => 1;

    public JsonObject Upcast(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = (JsonObject)data.DeepClone();
        var quantity = result["quantity"]?.GetValue<int>() ?? throw new FormatException("stock-adjusted v1 without a quantity.");
        var direction = result["direction"]?.GetValue<string>();
        var delta = direction switch
        {
            "increase" => quantity,
            "decrease" => -quantity,
            _ => throw new FormatException($"stock-adjusted v1 with unknown direction '{direction}'."),
        };
        result.Remove("quantity");
        result.Remove("direction");
        result["delta"] = delta;
        return result;
    }
}
