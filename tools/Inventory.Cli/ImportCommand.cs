using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Inventory.Cli;

/// <summary><c>events import &lt;file&gt;</c>: an export restored into an empty store (<see cref="EventImport"/>), then the
/// ledger audit on the result. Exit 2 when the store does not fit the file (nothing written) or the audit finds discrepancies.</summary>
internal static class ImportCommand
{
    public static Command Create(OperatorContext context, Option<string?> connection, Option<bool> json)
    {
        var file = new Argument<FileInfo>("file") { Description = "an NDJSON file written by `events export`" };
        var batch = new Option<int>("--batch-size") { Description = "events per transaction", DefaultValueFactory = _ => 1000 };
        batch.Validators.Add(result =>
        {
            if (result.GetValue(batch) < 1)
            {
                result.AddError("--batch-size must be at least 1.");
            }
        });
        var command = new Command("import", "Restores an export into an empty store (a restore, or a move between clusters), positions kept. "
            + "Resumable and idempotent: events the store already holds at the same positions are skipped; a store holding anything else is "
            + "refused before anything is written (exit 2). Writes in position order, a transaction per batch, moves the position sequence past "
            + "the last, then runs the ledger audit (as `verify`). Stop the silos first; snapshots are not imported (`snapshots rebuild`).")
        {
            file, batch,
        };
        command.SetAction((parsed, cancellation) => Database.RunAsync(parsed, connection, context.Output, async dataSource =>
        {
            var path = parsed.GetRequiredValue(file);
            var asJson = parsed.GetValue(json);
            if (!path.Exists)
            {
                await context.Output.WriteLineAsync($"There is no file {path.FullName}.");
                return OperatorCommands.Refused;
            }

            var result = await ProgressDisplay.RunAsync(context, asJson, "import: checking", "bytes",
                progress => EventImport.RunAsync(dataSource, path.FullName, parsed.GetValue(batch), progress, cancellation));
            if (result.Refusal is { } refusal)
            {
                await context.Output.WriteLineAsync(asJson ? JsonSerializer.Serialize(new { refused = refusal }, JsonSerializerOptions.Web) : $"Nothing imported: {refusal}");
                return OperatorCommands.Findings;
            }

            var audit = await VerifyCommand.AuditAsync(context, dataSource, 20, asJson, cancellation);
            if (asJson)
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { import = result, audit }, JsonSerializerOptions.Web));
            }
            else
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"imported {result.Imported:N0} events ({result.AlreadyPresent:N0} already present, {result.FileEvents:N0} in the file); "
                    + $"new events continue after position {result.LastPosition}"));
                VerifyCommand.Write(context.Output, audit, json: false);
            }

            return audit.IsSound ? OperatorCommands.Ok : OperatorCommands.Findings;
        }));
        return command;
    }
}
