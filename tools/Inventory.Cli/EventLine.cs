using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Inventory.Cli;

/// <summary>The NDJSON form of an <see cref="ExportedEvent"/>: one JSON object per line, <c>data</c> and <c>metadata</c>
/// as JSON objects (not strings), <c>recordedAt</c> in ISO 8601 with its offset.</summary>
public sealed class EventLine
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>The event as one line of JSON (without the line break).</summary>
    public string Format(ExportedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("position", e.Position);
            writer.WriteString("streamId", e.StreamId);
            writer.WriteNumber("version", e.Version);
            writer.WriteString("eventId", e.EventId);
            writer.WriteString("movementId", e.MovementId);
            writer.WriteString("type", e.Type);
            writer.WriteNumber("schemaVersion", e.SchemaVersion);
            writer.WritePropertyName("data");
            writer.WriteRawValue(e.Data);
            writer.WritePropertyName("metadata");
            writer.WriteRawValue(e.Metadata);
            writer.WriteString("recordedAt", e.RecordedAt);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>Reads a line written by <see cref="Format"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static ExportedEvent Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return new ExportedEvent(
                root.GetProperty("position").GetInt64(),
                root.GetProperty("streamId").GetString() ?? throw new FormatException("streamId is null"),
                root.GetProperty("version").GetInt32(),
                root.GetProperty("eventId").GetGuid(),
                root.GetProperty("movementId").GetGuid(),
                root.GetProperty("type").GetString() ?? throw new FormatException("type is null"),
                root.GetProperty("schemaVersion").GetInt32(),
                Object(root, "data"),
                Object(root, "metadata"),
                root.GetProperty("recordedAt").GetDateTimeOffset());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"not an exported event ({ex.Message})", ex);
        }
    }

    private static string Object(JsonElement root, string name)
    {
        var value = root.GetProperty(name);
        return value.ValueKind == JsonValueKind.Object ? value.GetRawText() : throw new FormatException($"{name} is not a JSON object");
    }
}
