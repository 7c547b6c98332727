using System.Text.Json;

namespace Inventory.Domain.Tests.Contracts;

/// <summary>One event of a fixture file as the store holds it: stream version, stored type name, schema version, JSON data.</summary>
public sealed record StoredEventFixture(int Version, string Type, int SchemaVersion, JsonElement Data)
{
    public static IReadOnlyList<StoredEventFixture> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        var events = JsonSerializer.Deserialize<List<StoredEventFixture>>(File.ReadAllText(path), JsonSerializerOptions.Web);
        return events ?? throw new InvalidDataException($"{path} holds no events.");
    }

    /// <summary>The data as the store hands it to the serializer: a JSON string.</summary>
    public string DataJson => Data.GetRawText();
}
