using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.Dashboard.BrowserTests;

/// <summary>What the item chart should draw, worked out here from the API alone, and what it does draw, both serialized
/// alike: per series its label and points [recordedAt in ms, value] (null where the page may not know the value).</summary>
public static class ItemChart
{
    private sealed record Line(string Label, long?[][] Points);

    /// <summary>On hand and reserved after each of the item's events (once more at the last receipt when that is later);
    /// in transit from the same events (a dispatch adds its quantity, a return takes it off) and from the receipts of this
    /// SKU in the history of each transfer they name, a point at each event and at each receipt, in time order (a receipt
    /// after an event of the same millisecond).</summary>
    public static async Task<string> ExpectedAsync(HttpClient dashboard, string warehouse, string sku)
    {
        var body = await dashboard.GetFromJsonAsync<JsonObject>($"/api/v1/items/{warehouse}/{sku}/events");
        var events = body!["events"]!.AsArray().Select(e => e!).ToList();
        var receipts = new List<(long At, long Delta)>();
        foreach (var transferId in events.Where(IsTransfer).Select(e => (string)e["data"]!["transferId"]!).Distinct())
        {
            var transfer = await dashboard.GetFromJsonAsync<JsonObject>($"/api/v1/transfers/{transferId}");
            receipts.AddRange(transfer!["history"]!.AsArray()
                .Where(e => (string?)e!["type"] == "transfer-line-received" && (string?)e["data"]!["sku"] == sku)
                .Select(e => (Millis(e!["recordedAt"]!), -(long)e!["data"]!["quantity"]!)));
        }

        receipts = [.. receipts.OrderBy(r => r.At)];
        var transit = new List<long?[]>();
        var running = 0L;
        var next = 0;
        foreach (var e in events)
        {
            var at = Millis(e["recordedAt"]!);
            for (; next < receipts.Count && receipts[next].At < at; next++)
            {
                running += receipts[next].Delta;
                transit.Add([receipts[next].At, running]);
            }

            running += (string?)e["type"] switch
            {
                "transfer-dispatched" => (long)e["data"]!["quantity"]!,
                "transfer-returned" => -(long)e["data"]!["quantity"]!,
                _ => 0,
            };
            transit.Add([at, running]);
        }

        for (; next < receipts.Count; next++)
        {
            running += receipts[next].Delta;
            transit.Add([receipts[next].At, running]);
        }

        long?[][] Levels(string field)
        {
            List<long?[]> levels = [.. events.Select(e => new long?[] { Millis(e["recordedAt"]!), (long)e["data"]![field]! })];
            if (levels.Count > 0 && transit[^1][0] > levels[^1][0])
            {
                levels.Add([transit[^1][0], levels[^1][1]]);
            }

            return [.. levels];
        }

        return JsonSerializer.Serialize(new Line[]
        {
            new("On hand", Levels("onHandAfter")),
            new("Reserved", Levels("reservedAfter")),
            new("In transit", [.. transit]),
        });
    }

    /// <summary>The chart's datasets as read in the page: [{ label, points: [[x, y]] }].</summary>
    public static string Serialize(JsonElement datasets) =>
        JsonSerializer.Serialize(datasets.EnumerateArray().Select(d => new Line(
            d.GetProperty("label").GetString()!,
            [.. d.GetProperty("points").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (long?)null : v.GetInt64()).ToArray())])).ToArray());

    /// <summary>The in-transit line's values, as drawn.</summary>
    public static long?[] TransitValues(string serialized) =>
        [.. JsonSerializer.Deserialize<Line[]>(serialized)!.Single(l => l.Label == "In transit").Points.Select(p => p[1])];

    private static bool IsTransfer(JsonNode e) => (string?)e["type"] is "transfer-dispatched" or "transfer-returned";

    private static long Millis(JsonNode recordedAt) =>
        DateTimeOffset.Parse((string)recordedAt!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
}
