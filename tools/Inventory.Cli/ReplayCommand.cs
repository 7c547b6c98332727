using System.CommandLine;
using System.Data;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.EventStore;
using Inventory.StockItems;
using Npgsql;

namespace Inventory.Cli;

/// <summary><c>replay &lt;stream&gt;</c>: a stream's events straight from PostgreSQL, each read through the silo's upcasters and
/// folded with its <see cref="StockItem.Evolve"/>, with the state after it; up to a version or as of a time.</summary>
internal static class ReplayCommand
{
    public static Command Create(OperatorContext context, Option<string?> connection, Option<bool> json)
    {
        var stream = new Argument<string>("stream") { Description = "the stream: <warehouse>/<sku>" };
        var toVersion = new Option<int?>("--to-version") { Description = "stop after this version" };
        var asOf = new Option<DateTimeOffset?>("--as-of") { Description = "stop at the last version recorded at or before this time (ISO 8601 with offset)" };
        var command = new Command("replay", "Prints a stream's events (data in the current schema, upcast as the silo reads them) and the item's "
            + "state after each (on hand, reserved, available, reorder point, open reservations), folded as the silo folds them, straight from "
            + "PostgreSQL. --json: one JSON object per event (NDJSON). Exit 2 when the stream has no events by then, an event cannot be read, "
            + "or an event's stored balances differ from the fold.")
        {
            stream, toVersion, asOf,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(toVersion) is not null && result.GetValue(asOf) is not null)
            {
                result.AddError("Give --to-version or --as-of, not both.");
            }
        });
        command.SetAction((parsed, cancellation) => Database.RunAsync(parsed, connection, context.Output, dataSource =>
            RunAsync(context.Output, dataSource, parsed.GetRequiredValue(stream), parsed.GetValue(toVersion), parsed.GetValue(asOf), parsed.GetValue(json), cancellation)));
        return command;
    }

    private static async Task<int> RunAsync(TextWriter output, NpgsqlDataSource dataSource, string stream, int? toVersion, DateTimeOffset? asOf, bool json,
        CancellationToken cancellationToken)
    {
        var last = toVersion ?? int.MaxValue;
        if (asOf is { } time)
        {
            // The silo's as-of rule (PostgresEventStore.GetVersionAtAsync): the highest version recorded at or before the time.
            await using var versionAt = dataSource.CreateCommand(
                "SELECT coalesce((SELECT version FROM events WHERE stream_id = $1 AND recorded_at <= $2 ORDER BY version DESC LIMIT 1), 0)");
            versionAt.Parameters.Add(new NpgsqlParameter { Value = stream });
            versionAt.Parameters.Add(new NpgsqlParameter { Value = time.ToUniversalTime() });
            last = (int)(await versionAt.ExecuteScalarAsync(cancellationToken))!;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT version, global_position, movement_id, type, schema_version, data::text, recorded_at FROM events WHERE stream_id = $1 AND version <= $2 ORDER BY version");
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        command.Parameters.Add(new NpgsqlParameter { Value = last });
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        var state = StockItem.Empty;
        var count = 0;
        var sound = true;
        while (await reader.ReadAsync(cancellationToken))
        {
            var (version, position, movementId, type, schemaVersion, data, recordedAt) = (reader.GetInt32(0), reader.GetInt64(1), reader.GetGuid(2),
                reader.GetString(3), reader.GetInt32(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6));
            JsonObject current;
            StockItemEvent @event;
            try
            {
                current = StockItemEventTypes.Serializer.CurrentData(type, schemaVersion, data);
                @event = StockItemEventTypes.Serializer.Deserialize(type, schemaVersion, data);
            }
            catch (Exception ex) when (ex is JsonException or UnknownEventTypeException or KeyNotFoundException or NotSupportedException or FormatException)
            {
                await output.WriteLineAsync($"{stream} v{version}: the event cannot be read: {ex.Message}");
                return OperatorCommands.Findings;
            }

            state = StockItem.Evolve(state, @event);
            count++;
            var agrees = (state.OnHand, state.Reserved) == (@event.OnHandAfter, @event.ReservedAfter);
            sound &= agrees;
            if (json)
            {
                await output.WriteLineAsync(new JsonObject
                {
                    ["streamId"] = stream,
                    ["version"] = version,
                    ["position"] = position,
                    ["recordedAt"] = recordedAt,
                    ["type"] = type,
                    ["schemaVersion"] = schemaVersion,
                    ["movementId"] = movementId,
                    ["data"] = current,
                    ["state"] = JsonSerializer.SerializeToNode(state, EventSerializer<StockItemEvent>.JsonOptions),
                    ["agreesWithEvent"] = agrees,
                }.ToJsonString(JsonSerializerOptions.Web));
                continue;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"v{version}  position {position}  {recordedAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss.ffffff}Z  {type} (schema {schemaVersion})  movement {movementId}"));
            await output.WriteLineAsync($"    {current.ToJsonString()}");
            await output.WriteLineAsync($"    after: {Describe(state)}");
            if (!agrees)
            {
                await output.WriteLineAsync($"    !! the event says on hand {@event.OnHandAfter}, reserved {@event.ReservedAfter} after it");
            }
        }

        if (count == 0)
        {
            await output.WriteLineAsync($"{stream} has no events{(asOf is null && toVersion is null ? "" : " by then")}.");
            return OperatorCommands.Findings;
        }

        return sound ? OperatorCommands.Ok : OperatorCommands.Findings;
    }

    private static string Describe(StockItem s)
    {
        var reservations = s.Reservations.IsEmpty ? "none" : string.Join(", ", s.Reservations.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"on hand {s.OnHand}, reserved {s.Reserved}, available {s.Available}, reorder point {s.ReorderPoint}, reservations: {reservations}");
    }
}
