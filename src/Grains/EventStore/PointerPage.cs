namespace Inventory.EventStore;

/// <summary>A page of the global log as <see cref="LogPage"/>, but only where each event is. <paramref name="End"/> is
/// where the next read continues after: the last pointer's position, or the position read after when the page is empty.</summary>
public sealed record PointerPage(IReadOnlyList<EventPointer> Pointers, LogPosition End);
