namespace Inventory.Contracts.Projections;

/// <summary>A movement in a warehouse's recent movements view.</summary>
[GenerateSerializer, Immutable, Alias("inventory.recent-movement")]
public sealed record RecentMovement
{
    [Id(0)] public required string WarehouseId { get; init; }

    [Id(1)] public required string Sku { get; init; }

    [Id(2)] public required Guid MovementId { get; init; }

    [Id(3)] public required Guid EventId { get; init; }

    /// <summary>The stored event type, e.g. <c>stock-received</c>.</summary>
    [Id(4)] public required string Type { get; init; }

    /// <summary>The change of on-hand (0 for reservations and reorder points).</summary>
    [Id(5)] public long OnHandDelta { get; init; }

    [Id(6)] public long OnHandAfter { get; init; }

    [Id(7)] public long ReservedAfter { get; init; }

    [Id(8)] public int Version { get; init; }

    [Id(9)] public long Position { get; init; }

    [Id(10)] public DateTimeOffset RecordedAt { get; init; }

    /// <summary>Who sent the movement (the API key's name); null for events stored before it was kept, or without an
    /// authenticated caller.</summary>
    [Id(11)] public string? Principal { get; init; }
}
