namespace Inventory.Cli;

/// <summary>One row of the events table as <c>events export</c> writes it and <c>events import</c> reads it: every column
/// but <c>transaction_id</c> (a restore writes its own). <see cref="Data"/> and <see cref="Metadata"/> are JSON text.</summary>
public sealed record ExportedEvent(
    long Position,
    string StreamId,
    int Version,
    Guid EventId,
    Guid MovementId,
    string Type,
    int SchemaVersion,
    string Data,
    string Metadata,
    DateTimeOffset RecordedAt);
