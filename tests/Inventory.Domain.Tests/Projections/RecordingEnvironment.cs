using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;
using Inventory.Projections;

namespace Inventory.Domain.Tests.Projections;

/// <summary>A shard environment over a real in-memory event store that records parks and waits instead of waiting.</summary>
internal sealed class RecordingEnvironment(IEventStore store) : IShardEnvironment
{
    /// <summary>Each read of the log's events by position (catch-up by entries): the positions asked for.</summary>
    public List<IReadOnlyList<long>> LogReads { get; } = [];

    public List<(EventEnvelope Envelope, Exception Error, int Attempts)> Parked { get; } = [];

    public List<TimeSpan> Delays { get; } = [];

    public List<(string StreamId, int AfterVersion, int Count)> GapReads { get; } = [];

    public bool ParkingFails { get; set; }

    public async Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, int afterVersion, int count, CancellationToken cancellationToken)
    {
        GapReads.Add((streamId, afterVersion, count));
        var stored = await store.ReadStreamAsync(streamId, afterVersion, count, cancellationToken);
        return stored.Select(e => e.ToEnvelope()).ToList();
    }

    public async Task<IReadOnlyList<EventEnvelope>> ReadLogAsync(IReadOnlyList<long> positions, CancellationToken cancellationToken)
    {
        LogReads.Add(positions);
        var stored = await ((IEventLog)store).ReadEventsAsync(positions, cancellationToken);
        return stored.Select(e => e.ToEnvelope()).ToList();
    }

    public Task ParkAsync(EventEnvelope envelope, Exception error, int attempts, CancellationToken cancellationToken)
    {
        if (ParkingFails)
        {
            throw new InvalidOperationException("The dead-letter store is down.");
        }

        Parked.Add((envelope, error, attempts));
        return Task.CompletedTask;
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Delays.Add(delay);
        return Task.CompletedTask;
    }

    public void Applied(EventEnvelope envelope)
    {
    }
}
