using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>A page of the global log's entries (<see cref="IEventLog.ReadEntriesAsync"/>) in reading order.
/// <paramref name="End"/> is where the next read continues after: the last entry's position, or the position read
/// after when the page is empty.</summary>
public sealed record LogEntryPage(IReadOnlyList<LogEntry> Entries, LogPosition End);
