using Inventory.Contracts.Projections;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>The <see cref="IShardEnvironment"/> of the shard images of a <see cref="GenerationImage"/>: gap fills from the
/// event store, dead letters parked under the shard's partition, as a shard grain does. Applied events are counted by
/// the rebuild's progress, not by the freshness metrics, which are about live events.</summary>
public sealed class BulkRebuildEnvironment(
    IEventStore store, IEventLog log, IDeadLetterStore deadLetters, ProjectionDefinition definition, ProjectionMetrics metrics, TimeProvider time) : IShardEnvironment
{
    public async Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, int afterVersion, int count, CancellationToken cancellationToken)
    {
        var stored = await store.ReadStreamAsync(streamId, afterVersion, count, cancellationToken).ConfigureAwait(false);
        return stored.Select(e => e.ToEnvelope()).ToList();
    }

    public async Task<IReadOnlyList<EventEnvelope>> ReadLogAsync(IReadOnlyList<long> positions, CancellationToken cancellationToken)
    {
        var stored = await log.ReadEventsAsync(positions, cancellationToken).ConfigureAwait(false);
        return stored.Select(e => e.ToEnvelope()).ToList();
    }

    public async Task ParkAsync(EventEnvelope envelope, Exception error, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(error);
        await deadLetters.ParkAsync(
            new DeadLetter(0, definition.Name, definition.PartitionOf(envelope.StreamId), envelope.EventId, envelope.StreamId, envelope.Version, envelope.Position,
                envelope.Type, $"{error.GetType().Name}: {error.Message}", attempts, time.GetUtcNow(), null),
            cancellationToken).ConfigureAwait(false);
        metrics.DeadLettered(definition.Name);
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, time, cancellationToken);

    public void Applied(EventEnvelope envelope)
    {
    }
}
