using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Inventory.EventStore.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Inventory.Cli;

/// <summary><c>migrate status</c> (each migration applied, pending, changed or unknown), <c>migrate apply</c> (what is
/// pending, under the migrator's advisory lock: safe while silos run) and <c>migrate verify</c> (exit 2 unless every
/// migration of this build is applied unchanged and none is unknown).</summary>
internal static class MigrateCommand
{
    public static Command Create(TextWriter output, Option<string?> connection, Option<bool> json)
    {
        var command = new Command("migrate", "The schema's SQL migrations (straight on PostgreSQL).");
        foreach (var (name, description) in new[]
        {
            ("status", "Lists every migration: applied, pending, changed since it was applied, or unknown to this build."),
            ("apply", "Applies the pending migrations (one transaction, under an advisory lock: safe while silos run), then lists them."),
            ("verify", "Exit code 2 unless every migration of this build is applied unchanged and none is unknown to it."),
        })
        {
            var sub = new Command(name, description);
            sub.SetAction((parsed, cancellation) => RunAsync(name, parsed, output, connection, json, cancellation));
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static async Task<int> RunAsync(string action, ParseResult parsed, TextWriter output, Option<string?> connection, Option<bool> json,
        CancellationToken cancellation)
    {
        if (OperatorCommands.ConnectionOf(parsed, connection) is not { } connectionString)
        {
            await output.WriteLineAsync($"Give the database: --connection or {OperatorCommands.ConnectionVariable}.");
            return 1;
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            if (action == "apply")
            {
                await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellation);
            }

            var statuses = await MigrationStatus.ReadAsync(dataSource, cancellation);
            Write(output, statuses, parsed.GetValue(json));
            return action == "verify" && !statuses.All(s => s.IsSound) ? OperatorCommands.Findings : OperatorCommands.Ok;
        }
        catch (NpgsqlException ex)
        {
            await output.WriteLineAsync($"PostgreSQL: {ex.Message}");
            return OperatorCommands.Unreachable;
        }
    }

    private static void Write(TextWriter output, IReadOnlyList<MigrationStatus> statuses, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(statuses, JsonSerializerOptions.Web));
            return;
        }

        output.WriteLine($"{"version",7}  {"name",-40} {"state",-8} applied at");
        foreach (var s in statuses)
        {
            output.WriteLine($"{s.Version,7}  {s.Name,-40} {s.State,-8} {s.AppliedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}");
        }

        output.WriteLine($"{statuses.Count(s => s.State == MigrationStatus.Applied)} applied, {statuses.Count(s => s.State == MigrationStatus.Pending)} pending, "
            + $"{statuses.Count(s => s.State is MigrationStatus.Changed or MigrationStatus.Unknown)} changed or unknown");
    }
}
