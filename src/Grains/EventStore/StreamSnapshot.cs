using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>A stream's folded state at <paramref name="Version"/>: a cache that can be deleted at any time.</summary>
/// <param name="Type">Stable name of the state shape, e.g. <c>stock-item</c>.</param>
/// <param name="SchemaVersion">Version of that shape; a snapshot of another version is ignored and rebuilt.</param>
public sealed record StreamSnapshot(string StreamId, int Version, string Type, int SchemaVersion, string Data, DateTimeOffset TakenAt);
