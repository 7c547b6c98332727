using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Inventory.Cli;

/// <summary><c>events export</c>: the events (all, or those of the filters) in position order, as NDJSON (what
/// <c>events import</c> reads) or CSV, to a file or standard output; streamed, in constant memory.</summary>
internal static class ExportCommand
{
    public static Command Create(OperatorContext context, Option<string?> connection, Option<bool> json)
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "the file to write (default: standard output; the summary then goes to standard error)" };
        var format = new Option<string>("--format") { Description = "ndjson (one JSON object per line, what `events import` reads) or csv", DefaultValueFactory = _ => "ndjson" };
        format.AcceptOnlyFromAmong("ndjson", "csv");
        var streams = new Option<string[]>("--stream") { Description = "only this stream (<warehouse>/<sku>); repeat for more", AllowMultipleArgumentsPerToken = false };
        var warehouse = new Option<string?>("--warehouse") { Description = "only the streams of this warehouse" };
        var fromPosition = new Option<long?>("--from-position") { Description = "only events at this global position or after" };
        var toPosition = new Option<long?>("--to-position") { Description = "only events at this global position or before" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "only events recorded at or after this time (ISO 8601; give the offset, e.g. 2026-03-01T00:00:00Z)" };
        var until = new Option<DateTimeOffset?>("--until") { Description = "only events recorded before this time (ISO 8601)" };
        var command = new Command("export", "Writes the events in global position order with every column a restore needs (position, stream, version, "
            + "event id, movement id, type, schema version, data, metadata, recorded at), one per line: NDJSON, or CSV with a header. "
            + "Streams rows from PostgreSQL: memory stays constant whatever the ledger's size.")
        {
            output, format, streams, warehouse, fromPosition, toPosition, since, until,
        };
        command.SetAction((parsed, cancellation) => Database.RunAsync(parsed, connection, context.Output, async dataSource =>
        {
            var filter = new ExportFilter
            {
                Streams = parsed.GetValue(streams) ?? [],
                Warehouse = parsed.GetValue(warehouse),
                FromPosition = parsed.GetValue(fromPosition),
                ToPosition = parsed.GetValue(toPosition),
                Since = parsed.GetValue(since),
                Until = parsed.GetValue(until),
            };
            var file = parsed.GetValue(output);
            var asJson = parsed.GetValue(json);
            var csv = parsed.GetValue(format) == "csv";
            long count, last;
            if (file is null)
            {
                (count, last) = await ExportAsync(context, dataSource, filter, context.Output, csv, asJson, cancellation);
            }
            else
            {
                await using var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
                (count, last) = await ExportAsync(context, dataSource, filter, writer, csv, asJson, cancellation);
            }

            var summary = file is null ? context.Progress : context.Output;
            if (asJson && file is not null)
            {
                await summary.WriteLineAsync(JsonSerializer.Serialize(new { events = count, lastPosition = last, file = file.FullName }, JsonSerializerOptions.Web));
            }
            else
            {
                await summary.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"exported {count:N0} events{(count > 0 ? $", up to position {last}" : "")}{(file is null ? "" : $" to {file.FullName}")}"));
            }

            return OperatorCommands.Ok;
        }));
        return command;
    }

    /// <summary>Writes the events of <paramref name="filter"/> to <paramref name="writer"/>; their count and last position.</summary>
    public static async Task<(long Count, long LastPosition)> ExportAsync(OperatorContext context, NpgsqlDataSource dataSource, ExportFilter filter,
        TextWriter writer, bool csv, bool json, CancellationToken cancellationToken)
    {
        var (first, lastInRange) = await EventReader.RangeAsync(dataSource, filter, cancellationToken);
        return await ProgressDisplay.RunAsync(context, json, "export", "positions", async progress =>
        {
            long count = 0, last = 0;
            var line = new EventLine();
            if (csv)
            {
                await writer.WriteAsync(CsvLine.Header + "\n");
            }

            await foreach (var e in EventReader.ReadAsync(dataSource, filter, cancellationToken))
            {
                await writer.WriteAsync((csv ? CsvLine.Format(e) : line.Format(e)) + "\n");
                (count, last) = (count + 1, e.Position);
                if (count % 1000 == 0)
                {
                    progress.Report(e.Position - first + 1, lastInRange - first + 1);
                }
            }

            await writer.FlushAsync(cancellationToken);
            progress.Report(lastInRange - first + 1, lastInRange - first + 1);
            return (count, last);
        });
    }
}
