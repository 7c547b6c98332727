using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>A stored event whose type or schema version this code cannot read (written by newer code, or a missing upcaster).</summary>
public sealed class UnknownEventTypeException : Exception
{
    public UnknownEventTypeException()
    {
    }

    public UnknownEventTypeException(string message)
        : base(message)
    {
    }

    public UnknownEventTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnknownEventTypeException(string type, int schemaVersion)
        : base($"No reader for stored event type '{type}' at schema version {schemaVersion}.")
    {
        Type = type;
        SchemaVersion = schemaVersion;
    }

    public string? Type { get; }

    public int SchemaVersion { get; }
}
