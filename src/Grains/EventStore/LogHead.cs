using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>What a reader at some <see cref="LogPosition"/> has still to read: the store's highest global position
/// (0 when empty), the number of committed events after the reader (counted up to a cap, see
/// <see cref="IEventLog.ReadHeadAsync"/>) and when the oldest of them was recorded (null when there is none).</summary>
public sealed record LogHead(long Position, long Pending, DateTimeOffset? OldestPendingRecordedAt);
