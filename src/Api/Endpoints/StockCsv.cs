using System.Globalization;
using System.Text;
using Inventory.Contracts.AsOf;
using Inventory.Contracts.Projections;

namespace Inventory.Api.Endpoints;

/// <summary>A warehouse's stock as CSV (RFC 4180: a header row, CRLF line ends, fields with a comma, quote or line break
/// quoted, quotes doubled), written page by page as the pages arrive: never the whole export in memory.</summary>
public static class StockCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string LiveHeader = "sku,onHand,reserved,available,reorderPoint,version,position,lastMovementAt";

    public const string AsOfHeader = "sku,onHand,reserved,available,version,position,lastMovementAt";

    public static string Row(StockLevel l) => Join(
        l.Sku, Number(l.OnHand), Number(l.Reserved), Number(l.Available), Number(l.ReorderPoint), Number(l.Version), Number(l.Position), Time(l.LastMovementAt));

    public static string Row(StockLevelAsOf l) => Join(
        l.Sku, Number(l.OnHand), Number(l.Reserved), Number(l.Available), Number(l.Version), Number(l.Position), Time(l.LastMovementAt));

    /// <summary>The field as it goes in a row: quoted when it has a comma, a quote or a line break.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>Writes the header, then each page's rows, flushing after each page.</summary>
    public static async Task WriteAsync(Stream body, string header, IAsyncEnumerable<IEnumerable<string>> pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(header);
        await foreach (var rows in pages.WithCancellation(cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.WriteLineAsync(row);
            }

            await writer.FlushAsync(cancellationToken);
        }
    }

    /// <summary>UTC to the microsecond (as the store keeps times), e.g. 2026-03-01T08:00:00.123456Z.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Join(params string[] fields) => string.Join(',', fields.Select(Field));
}
