using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>What every <see cref="IEventStore.AppendAsync"/> checks before it writes anything.</summary>
internal static class AppendArguments
{
    /// <summary>
    /// Throws unless every event's id is <see cref="DeterministicGuid.ForEvent"/> of the stream and its movement. Event ids
    /// are unique across the store because of that: a movement is stored at most once in a stream, so no two events
    /// have the same stream and movement, nor (but for a SHA-1 collision) the same id. The store needs no index to
    /// guarantee it.
    /// </summary>
    public static void Validate(string streamId, int expectedVersion, IReadOnlyList<EventData> events)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            if (e.EventId != DeterministicGuid.ForEvent(streamId, e.MovementId))
            {
                throw new ArgumentException(
                    $"Event {e.EventId} (movement {e.MovementId}) cannot be appended to {streamId}: an event's id must be derived from its stream and movement (DeterministicGuid.ForEvent).",
                    nameof(events));
            }
        }
    }
}
