using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>What a <see cref="ProjectionShard{TView}"/> needs from outside: the event store for gap filling and catch-up, the
/// dead-letter store, time to wait between attempts, and a hook per applied event (metrics, logs).</summary>
public interface IShardEnvironment
{
    /// <summary>Up to <paramref name="count"/> events of a stream after <paramref name="afterVersion"/>, oldest first.</summary>
    Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, int afterVersion, int count, CancellationToken cancellationToken);

    /// <summary>The events at <paramref name="positions"/> of the global log, in position order (see
    /// <see cref="EventStore.IEventLog.ReadEventsAsync"/>): those catch-up found the shard lacking.</summary>
    Task<IReadOnlyList<EventEnvelope>> ReadLogAsync(IReadOnlyList<long> positions, CancellationToken cancellationToken);

    /// <summary>Parks an event that failed <paramref name="attempts"/> times; throws if it cannot be parked durably.</summary>
    Task ParkAsync(EventEnvelope envelope, Exception error, int attempts, CancellationToken cancellationToken);

    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    void Applied(EventEnvelope envelope);
}
