using System.CommandLine;
using System.Text.Json;
using Inventory.Contracts.Schemas;
using Npgsql;

namespace Inventory.Cli;

/// <summary><c>schemas list | show TYPE VERSION | check</c>: the registered JSON Schemas of the stored events, the snapshot
/// and the metadata (the same files <c>GET /api/v1/schemas</c> serves, built into the tool), and a check of every stored
/// row against them, straight on PostgreSQL.</summary>
internal static class SchemasCommand
{
    public static Command Create(OperatorContext context, Option<string?> connection, Option<bool> json)
    {
        var command = new Command("schemas", "The registered JSON Schemas of every stored event type and version, the snapshot and the "
            + "metadata (docs/events.md), and a check of the stored rows against them.");

        var list = new Command("list", "Every registered schema: kind, type, version, current or superseded, file.");
        list.SetAction(parsed =>
        {
            var documents = SchemaCatalogue.Embedded.Documents;
            if (parsed.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(
                    documents.Select(d => new { kind = d.Kind.ToString().ToLowerInvariant(), d.Type, d.Version, d.Status, d.Path, d.Id }), JsonSerializerOptions.Web));
                return OperatorCommands.Ok;
            }

            foreach (var d in documents)
            {
                context.Output.WriteLine($"{d.Kind.ToString().ToLowerInvariant(),-9} {d.Type,-22} v{d.Version,-3} {d.Status,-10} {d.Path}");
            }

            return OperatorCommands.Ok;
        });

        var type = new Argument<string>("type") { Description = "the stored type, e.g. stock-received" };
        var version = new Argument<int>("version") { Description = "its schema version" };
        var show = new Command("show", "Prints one schema document (JSON Schema 2020-12). Exit 1 when there is no such type and version.") { type, version };
        show.SetAction(parsed =>
        {
            if (SchemaCatalogue.Embedded.Find(parsed.GetRequiredValue(type), parsed.GetValue(version)) is not { } document)
            {
                context.Output.WriteLine($"No schema is registered for {parsed.GetRequiredValue(type)} v{parsed.GetValue(version)}: `schemas list` shows them.");
                return OperatorCommands.Refused;
            }

            context.Output.WriteLine(document.Text.TrimEnd());
            return OperatorCommands.Ok;
        });

        var max = new Option<int>("--max") { Description = "rows that do not match to print at most", DefaultValueFactory = _ => 20 };
        var check = new Command("check", "Checks every stored event (data and metadata, against its stored type and schema version) and "
            + "every snapshot against the registered schemas, straight on PostgreSQL. Exit 2 when a row does not match.") { max };
        check.SetAction((parsed, cancellation) =>
        {
            if (OperatorCommands.ConnectionOf(parsed, connection) is not { } connectionString)
            {
                context.Output.WriteLine($"Give the database: --connection or {OperatorCommands.ConnectionVariable}.");
                return Task.FromResult(OperatorCommands.Refused);
            }

            return CheckAsync(context.Output, connectionString, Math.Max(parsed.GetValue(max), 0), parsed.GetValue(json), cancellation);
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(check);
        return command;
    }

    private static async Task<int> CheckAsync(TextWriter output, string connectionString, int max, bool json, CancellationToken cancellationToken)
    {
        try
        {
            var report = await LedgerSchemaAudit.RunAsync(connectionString, max, cancellationToken);
            await output.WriteLineAsync(json ? JsonSerializer.Serialize(report, JsonSerializerOptions.Web) : report.ToString());
            return report.IsSound ? OperatorCommands.Ok : OperatorCommands.Findings;
        }
        catch (NpgsqlException ex)
        {
            await output.WriteLineAsync($"PostgreSQL: {ex.Message}");
            return OperatorCommands.Unreachable;
        }
    }
}
