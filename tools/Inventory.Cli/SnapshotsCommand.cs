using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Inventory.Cli;

/// <summary><c>snapshots rebuild</c> and <c>snapshots prune</c>, straight on PostgreSQL. Snapshots are a cache: deleting or
/// rewriting them loses nothing, but both ask first (or take --yes).</summary>
internal static class SnapshotsCommand
{
    public static Command Create(OperatorContext context, Option<string?> connection, Option<bool> json)
    {
        var command = new Command("snapshots", "The snapshot cache: rebuild from the events, or prune. Both ask for confirmation unless --yes.");
        command.Subcommands.Add(Rebuild(context, connection, json));
        command.Subcommands.Add(Prune(context, connection, json));
        return command;
    }

    private static Command Rebuild(OperatorContext context, Option<string?> connection, Option<bool> json)
    {
        var streams = new Option<string[]>("--stream") { Description = "only this stream (<warehouse>/<sku>); repeat for more" };
        var yes = Yes();
        var command = new Command("rebuild", "Folds every stream (or those of --stream) from its events, through the silo's upcasters and fold, "
            + "and writes its snapshot at its last version in the format the silo writes (a snapshot the silo took meanwhile at a higher version "
            + "stays). Safe while silos run. Exit 2 when a stream has an event that cannot be read (it gets no snapshot).") { streams, yes };
        command.SetAction((parsed, cancellation) => Database.RunAsync(parsed, connection, context.Output, async dataSource =>
        {
            var only = parsed.GetValue(streams) ?? [];
            var question = only.Length == 0 ? "Rewrite the snapshot of every stream" : $"Rewrite the snapshots of {only.Length} stream(s)";
            if (await Confirmation.AskAsync(context, parsed.GetValue(yes), question) is { } declined)
            {
                return declined;
            }

            var asJson = parsed.GetValue(json);
            var estimate = only.Length == 0 ? await Database.EstimateEventsAsync(dataSource, cancellation) : null;
            var (streamCount, written, skipped) = await ProgressDisplay.RunAsync(context, asJson, "snapshots rebuild", "events", progress =>
                SnapshotRebuild.RunAsync(dataSource, only, DateTimeOffset.UtcNow, events => progress.Report(events, Math.Max(estimate ?? 0, events)), cancellation));
            if (asJson)
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { streams = streamCount, written, skipped }, JsonSerializerOptions.Web));
            }
            else
            {
                foreach (var s in skipped)
                {
                    await context.Output.WriteLineAsync($"{s.StreamId} v{s.Version}: {s.Problem}");
                }

                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{streamCount:N0} streams folded, {written:N0} snapshots written, {skipped.Count:N0} streams skipped"));
            }

            return skipped.Count == 0 ? OperatorCommands.Ok : OperatorCommands.Findings;
        }));
        return command;
    }

    private static Command Prune(OperatorContext context, Option<string?> connection, Option<bool> json)
    {
        var all = new Option<bool>("--all") { Description = "every snapshot" };
        var streams = new Option<string[]>("--stream") { Description = "the snapshot of this stream; repeat for more" };
        var behind = new Option<int?>("--behind") { Description = "snapshots more than this many versions behind their stream's last version" };
        var yes = Yes();
        var command = new Command("prune", "Deletes snapshots: --all, or those of --stream and/or more than --behind N versions behind their stream's "
            + "head (both given: both must hold). Snapshots are a cache: an item without one folds its events from the start.") { all, streams, behind, yes };
        command.Validators.Add(result =>
        {
            var selective = (result.GetValue(streams)?.Length ?? 0) > 0 || result.GetValue(behind) is not null;
            if (result.GetValue(all) == selective)
            {
                result.AddError("Say which snapshots: --all, or --stream and/or --behind.");
            }

            if (result.GetValue(behind) is < 0)
            {
                result.AddError("--behind must be 0 or more.");
            }
        });
        command.SetAction((parsed, cancellation) => Database.RunAsync(parsed, connection, context.Output, async dataSource =>
        {
            var only = parsed.GetValue(streams) ?? [];
            var lag = parsed.GetValue(behind);
            var which = parsed.GetValue(all) ? "every snapshot"
                : string.Join(" and ", new[] { only.Length > 0 ? $"of {only.Length} stream(s)" : null, lag is { } n ? $"more than {n} versions behind the head" : null }
                    .OfType<string>());
            if (await Confirmation.AskAsync(context, parsed.GetValue(yes), $"Delete {(parsed.GetValue(all) ? which : $"the snapshots {which}")}") is { } declined)
            {
                return declined;
            }

            var deleted = await DeleteAsync(dataSource, only, lag, cancellation);
            await context.Output.WriteLineAsync(parsed.GetValue(json)
                ? JsonSerializer.Serialize(new { deleted }, JsonSerializerOptions.Web)
                : string.Create(CultureInfo.InvariantCulture, $"{deleted:N0} snapshots deleted"));
            return OperatorCommands.Ok;
        }));
        return command;
    }

    private static async Task<int> DeleteAsync(NpgsqlDataSource dataSource, string[] streams, int? behind, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var conditions = new List<string>();
        if (streams.Length > 0)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = streams });
            conditions.Add($"s.stream_id = ANY(${command.Parameters.Count})");
        }

        if (behind is { } lag)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = lag });
            conditions.Add($"s.version < (SELECT max(e.version) FROM events e WHERE e.stream_id = s.stream_id) - ${command.Parameters.Count}");
        }

        command.CommandText = "DELETE FROM snapshots s" + (conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Option<bool> Yes() => new("--yes", "-y") { Description = "do it without asking (required when standard input is not a terminal)" };
}
