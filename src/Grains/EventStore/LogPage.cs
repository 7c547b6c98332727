using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>A page of the global log in reading order. <paramref name="End"/> is where the next read continues
/// after: the last event's <see cref="StoredEvent.LogPosition"/>, or the position read after when the page is empty.</summary>
public sealed record LogPage(IReadOnlyList<StoredEvent> Events, LogPosition End);
