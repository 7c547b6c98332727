using System.Globalization;
using System.Text.Json.Nodes;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>What the document cannot say about a movement: which members its type needs (quantity unless release,
/// a reservation for reserve and release, a reason for adjust only). Valid movements are fitted to it, so that they
/// reach the stock item grain.</summary>
internal static class MovementShape
{
    public static void Fit(FuzzJson movement, JsonObject schema, ValidValues valid, FuzzRandom random)
    {
        var members = movement.Members!;
        var type = members.Find(m => m.Key == "type").Value?.Token?.Trim('"');
        if (type is null || !ValidValues.MovementTypes.Contains(type) || schema["properties"] is not JsonObject properties
            || !properties.ContainsKey("reservationId") || !properties.ContainsKey("reason"))
        {
            return;
        }

        Set(members, "quantity", type switch
        {
            "release" when random.Chance(0.5) => null,
            "adjust" => FuzzJson.Raw(random.Pick([-3, -1, 1, 2, 5]).ToString(CultureInfo.InvariantCulture)),
            "count" => FuzzJson.Raw(random.Int(0, 30).ToString(CultureInfo.InvariantCulture)),
            _ => valid.Member("quantity", []),
        });
        Set(members, "reservationId", type is "reserve" or "release" || (type == "pick" && random.Chance(0.3))
            ? valid.Member("reservationId", []) : null);
        Set(members, "reason", type == "adjust" ? valid.Member("reason", []) : null);
    }

    private static void Set(List<KeyValuePair<string, FuzzJson>> members, string name, FuzzJson? value)
    {
        members.RemoveAll(m => m.Key == name);
        if (value is not null)
        {
            members.Add(KeyValuePair.Create(name, value));
        }
    }
}
