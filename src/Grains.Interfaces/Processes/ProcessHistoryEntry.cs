namespace Inventory.Contracts.Processes;

/// <summary>One event of a process manager's own log (a transfer's, an order's), as stored.</summary>
[GenerateSerializer, Immutable, Alias("inventory.process-history-entry")]
public sealed record ProcessHistoryEntry
{
    [Id(0)] public required int Version { get; init; }

    [Id(1)] public required string Type { get; init; }

    [Id(2)] public required DateTimeOffset RecordedAt { get; init; }

    [Id(3)] public required long GlobalPosition { get; init; }

    /// <summary>The event's data, JSON.</summary>
    [Id(4)] public required string Data { get; init; }

    /// <summary>Who sent the request the event records or follows from (the API key's name); null for events stored before
    /// it was kept, or without an authenticated caller.</summary>
    [Id(5)] public string? Principal { get; init; }
}
