using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inventory.Cli;
using Inventory.Contracts.StockItems;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.StockItems;

namespace Inventory.Integration.Tests.Drills;

/// <summary>
/// The promises a drill checks once the load is over: every acknowledged movement is in the ledger exactly once, at the
/// version and balance it was acknowledged with; nothing is in the ledger that no scanner sent; each item's state equals
/// the fold of its history; the views equal the items within the crash SLA (ADR 0002: 5 s); and every answer was a
/// success, a stock rule's 409, or a 503 with Retry-After (<paramref name="allowNoAnswer"/>: a lost connection too, for
/// drills that take the API itself away).
/// </summary>
public static class DrillAudit
{
    public static readonly TimeSpan ViewsBound = TimeSpan.FromSeconds(5);

    public static async Task<DrillReport> VerifyAsync(string drill, DrillSystem system, ScannerFleet fleet, string warehouseId, bool allowNoAnswer, TimeSpan faultOver)
    {
        var answers = fleet.Answers.ToList();
        var byStatus = answers.GroupBy(a => a.Status == Answer.NoAnswer ? "no answer" : $"{a.Status} {a.Code}".TrimEnd())
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var report = $"answers by status: {string.Join(", ", byStatus.Select(s => $"{s.Key}={s.Value}"))}";

        Assert.True(fleet.Unfinished.Count == 0, $"{fleet.Unfinished.Count} movements never got a final answer; {report}");
        Assert.True(!answers.Any(a => a.Status >= 500 && a.Status != 503), $"Answers a scanner cannot act on; {report}");
        Assert.All(answers.Where(a => a.Status == 503), a => Assert.True(a.HasRetryAfter, "A 503 without Retry-After."));
        Assert.All(answers.Where(a => a.Status is not (200 or 201 or 409 or 503 or Answer.NoAnswer)),
            a => Assert.Fail($"Unexpected answer {a.Status} {a.Code}; {report}"));
        Assert.True(allowNoAnswer || answers.All(a => a.Status != Answer.NoAnswer), $"The API did not answer some requests; {report}");
        Assert.Contains(answers, a => a.Status == 409);

        var stored = await Ledger.ReadAsync(system.ConnectionString, warehouseId + "/");
        var schemas = await LedgerSchemaAudit.RunAsync(system.ConnectionString);
        Assert.True(schemas.Violations.Count == 0, schemas.ToString());
        var duplicates = stored.Count - stored.Select(e => e.MovementId).Distinct().Count();
        Assert.Equal(0, duplicates);
        var byMovement = stored.ToDictionary(e => e.MovementId);
        var lost = fleet.Acknowledged.Keys.Count(id => !byMovement.ContainsKey(id));
        Assert.Equal(0, lost);
        Assert.All(stored, e => Assert.True(fleet.Sent.ContainsKey(e.MovementId), $"{e.StreamId} v{e.Version} holds movement {e.MovementId}, which no scanner sent."));
        Assert.Equal(fleet.Acknowledged.Keys.Order(), stored.Select(e => e.MovementId).Order());
        foreach (var (id, ack) in fleet.Acknowledged)
        {
            var e = byMovement[id];
            var @event = StockItemEventTypes.Serializer.Deserialize(e);
            Assert.Equal(($"{warehouseId}/{ack.Sku}", ack.Version, ack.Position, ack.OnHand), (e.StreamId, e.Version, e.GlobalPosition, @event.OnHandAfter));
        }

        var folded = new Dictionary<string, (int Version, long OnHand, long Reserved)>(StringComparer.Ordinal);
        foreach (var stream in stored.GroupBy(e => e.StreamId))
        {
            var events = stream.OrderBy(e => e.Version).ToList();
            Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Version));
            var item = StockItem.Fold(events.Select(StockItemEventTypes.Serializer.Deserialize));
            var sku = stream.Key[(warehouseId.Length + 1)..];
            folded[sku] = (events.Count, item.OnHand, item.Reserved);
            var served = await system.Operator.GetFromJsonAsync<JsonObject>($"/api/v1/items/{warehouseId}/{sku}");
            Assert.Equal(folded[sku], ((int)served!["version"]!, (long)served["onHand"]!, (long)served["reserved"]!));
        }

        var converged = Stopwatch.StartNew();
        await Wait.UntilAsync(async () => Same(folded, await ViewAsync(system, warehouseId)), ViewsBound, "the warehouse view equals the items' folded states");
        var retries = answers.Where(a => a.IsRetry).ToList();
        return new DrillReport(drill, answers.Count, byStatus, fleet.Acknowledged.Count, lost, duplicates,
            retries.Count == 0 ? null : retries.Max(a => a.At) - retries.Min(a => a.At - a.Latency),
            retries.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(0, (retries.Max(a => a.At) - faultOver).Ticks)),
            answers.Max(a => a.Latency), converged.Elapsed);
    }

    private static async Task<Dictionary<string, (int Version, long OnHand, long Reserved)>> ViewAsync(DrillSystem system, string warehouseId)
    {
        var page = await system.Operator.GetFromJsonAsync<JsonObject>($"/api/v1/warehouses/{warehouseId}/stock?limit=1000");
        return page!["items"]!.AsArray().ToDictionary(i => (string)i!["sku"]!, i => ((int)i!["version"]!, (long)i["onHand"]!, (long)i["reserved"]!), StringComparer.Ordinal);
    }

    private static bool Same(Dictionary<string, (int, long, long)> expected, Dictionary<string, (int, long, long)> actual) =>
        expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var a) && a == e.Value);
}
