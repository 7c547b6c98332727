namespace Inventory.Contracts.StockItems;

/// <summary>One line of an item's ledger: a stored event with its position and metadata.</summary>
[GenerateSerializer, Immutable, Alias("inventory.history-entry")]
public sealed record HistoryEntry
{
    [Id(0)] public required Guid EventId { get; init; }

    [Id(1)] public required int Version { get; init; }

    [Id(2)] public required long GlobalPosition { get; init; }

    /// <summary>The stable stored event type name, e.g. <c>stock-received</c>.</summary>
    [Id(3)] public required string Type { get; init; }

    [Id(4)] public required Guid MovementId { get; init; }

    [Id(5)] public required DateTimeOffset RecordedAt { get; init; }

    [Id(6)] public DateTimeOffset? OccurredAt { get; init; }

    [Id(7)] public string? ScannerId { get; init; }

    /// <summary>The event's data in its current schema, as JSON.</summary>
    [Id(8)] public required string Data { get; init; }

    [Id(9)] public long OnHandAfter { get; init; }

    [Id(10)] public long ReservedAfter { get; init; }

    /// <summary>Who sent the movement (the API key's name); null for events stored before it was kept, or without an
    /// authenticated caller.</summary>
    [Id(11)] public string? Principal { get; init; }
}
