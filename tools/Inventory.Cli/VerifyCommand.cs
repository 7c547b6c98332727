using System.CommandLine;
using System.Text.Json;

namespace Inventory.Cli;

/// <summary><c>verify</c>: the ledger audit (<see cref="LedgerAudit"/>); prints the first discrepancies and exits 2 when
/// there are any. Progress goes to standard error.</summary>
internal static class VerifyCommand
{
    public static Command Create(OperatorContext context, Option<string?> connection, Option<bool> json)
    {
        var max = new Option<int>("--max") { Description = "discrepancies to print at most", DefaultValueFactory = _ => 20 };
        var command = new Command("verify", "Audits the ledger straight on PostgreSQL: versions without gaps, movement ids once per stream, "
            + "every event's balances equal to the fold, snapshots equal to the fold at their version. Exit code 2 on any discrepancy.") { max };
        command.SetAction((parsed, cancellation) => Database.RunAsync(parsed, connection, context.Output, async dataSource =>
        {
            var asJson = parsed.GetValue(json);
            var report = await AuditAsync(context, dataSource, Math.Max(parsed.GetValue(max), 0), asJson, cancellation);
            Write(context.Output, report, asJson);
            return report.IsSound ? OperatorCommands.Ok : OperatorCommands.Findings;
        }));
        return command;
    }

    /// <summary>The audit with a progress display.</summary>
    public static async Task<AuditReport> AuditAsync(OperatorContext context, Npgsql.NpgsqlDataSource dataSource, int maxReported, bool json,
        CancellationToken cancellationToken)
    {
        var estimate = await Database.EstimateEventsAsync(dataSource, cancellationToken);
        return await ProgressDisplay.RunAsync(context, json, "verify", "events", progress =>
            LedgerAudit.RunAsync(dataSource, maxReported, events => progress.Report(events, Math.Max(estimate ?? 0, events)), cancellationToken));
    }

    /// <summary>The report: its discrepancies and a summary line, or one JSON document.</summary>
    public static void Write(TextWriter output, AuditReport report, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
            return;
        }

        foreach (var d in report.Discrepancies)
        {
            output.WriteLine($"{d.StreamId} v{d.Version}: {d.Problem}");
        }

        output.WriteLine($"{report.Streams:N0} streams, {report.Events:N0} events, {report.SnapshotsChecked:N0} snapshots checked: "
            + (report.IsSound ? "the ledger is sound" : $"{report.DiscrepancyCount:N0} discrepancies"));
    }
}
