using System.CommandLine;
using System.Text.Json;
using Npgsql;

namespace Inventory.Cli;

/// <summary><c>verify</c>: the ledger audit (<see cref="LedgerAudit"/>); prints the first discrepancies and exits 2 when
/// there are any. Progress goes to standard error.</summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter output, TextWriter progress, Option<string?> connection, Option<bool> json)
    {
        var max = new Option<int>("--max") { Description = "discrepancies to print at most", DefaultValueFactory = _ => 20 };
        var command = new Command("verify", "Audits the ledger straight on PostgreSQL: versions without gaps, movement ids once per stream, "
            + "every event's balances equal to the fold, snapshots equal to the fold at their version. Exit code 2 on any discrepancy.") { max };
        command.SetAction(async (parsed, cancellation) =>
        {
            if (OperatorCommands.ConnectionOf(parsed, connection) is not { } connectionString)
            {
                await output.WriteLineAsync($"Give the database: --connection or {OperatorCommands.ConnectionVariable}.");
                return 1;
            }

            try
            {
                await using var dataSource = NpgsqlDataSource.Create(connectionString);
                var report = await LedgerAudit.RunAsync(dataSource, Math.Max(parsed.GetValue(max), 0),
                    events => progress.WriteLine($"verify: {events:N0} events read"), cancellation);
                if (parsed.GetValue(json))
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
                }
                else
                {
                    foreach (var d in report.Discrepancies)
                    {
                        await output.WriteLineAsync($"{d.StreamId} v{d.Version}: {d.Problem}");
                    }

                    await output.WriteLineAsync($"{report.Streams:N0} streams, {report.Events:N0} events, {report.SnapshotsChecked:N0} snapshots checked: "
                        + (report.IsSound ? "the ledger is sound" : $"{report.DiscrepancyCount:N0} discrepancies"));
                }

                return report.IsSound ? OperatorCommands.Ok : OperatorCommands.Findings;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                await output.WriteLineAsync("The database has no event store schema: `migrate apply` creates it.");
                return OperatorCommands.Findings;
            }
            catch (NpgsqlException ex)
            {
                await output.WriteLineAsync($"PostgreSQL: {ex.Message}");
                return OperatorCommands.Unreachable;
            }
        });
        return command;
    }
}
