using System.Globalization;
using System.Text;

namespace Inventory.Cli;

/// <summary>The CSV form of an <see cref="ExportedEvent"/> (RFC 4180): a header line, then one line per event; a field
/// holding a comma, a double quote or a line break is quoted, its quotes doubled. Data and metadata are their JSON text.</summary>
public static class CsvLine
{
    public const string Header = "position,stream_id,version,event_id,movement_id,type,schema_version,data,metadata,recorded_at";

    public static string Format(ExportedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var line = new StringBuilder(256);
        line.Append(e.Position.ToString(CultureInfo.InvariantCulture)).Append(',');
        Field(line, e.StreamId).Append(',');
        line.Append(e.Version.ToString(CultureInfo.InvariantCulture)).Append(',');
        line.Append(e.EventId.ToString("D")).Append(',');
        line.Append(e.MovementId.ToString("D")).Append(',');
        Field(line, e.Type).Append(',');
        line.Append(e.SchemaVersion.ToString(CultureInfo.InvariantCulture)).Append(',');
        Field(line, e.Data).Append(',');
        Field(line, e.Metadata).Append(',');
        line.Append(e.RecordedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));
        return line.ToString();
    }

    /// <summary>Appends <paramref name="value"/>, quoted when it must be.</summary>
    public static StringBuilder Field(StringBuilder line, string value)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? line.Append(value) : line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
