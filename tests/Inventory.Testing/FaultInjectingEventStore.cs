using System.Collections.Concurrent;
using Inventory.Contracts.EventStore;
using Inventory.EventStore;

namespace Inventory.Testing;

/// <summary>Wraps an event store and, per stream, makes it fail the way real stores fail. Its global log is the inner store's.</summary>
public sealed class FaultInjectingEventStore(IEventStore inner) : IEventStore, IEventLog
{
    private readonly ConcurrentDictionary<string, Fault> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _appends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _snapshotReads = new(StringComparer.Ordinal);

    private volatile TaskCompletionSource _logOpen = OpenGate();

    public IEventStore Inner => inner;

    /// <summary>Holds every read of the global log (the projections' catch-up) until the returned handle is disposed, so
    /// that what reaches the views meanwhile came by the live path.</summary>
    public IDisposable PauseLog()
    {
        _logOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new LogPause(this);
    }

    public void Inject(string streamId, Fault fault) => _faults[streamId] = fault;

    public void Heal(string streamId) => _faults.TryRemove(streamId, out _);

    /// <summary>How many append calls reached the store for a stream.</summary>
    public int AppendCalls(string streamId) => _appends.GetValueOrDefault(streamId);

    /// <summary>How many times a stream's snapshot was read: once by every activation that loaded the stream (and once
    /// by every read of a past state).</summary>
    public int SnapshotReads(string streamId) => _snapshotReads.GetValueOrDefault(streamId);

    public async Task<AppendResult> AppendAsync(string streamId, int expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        _appends.AddOrUpdate(streamId, 1, (_, n) => n + 1);
        switch (_faults.GetValueOrDefault(streamId))
        {
            case Fault.Slow:
                await Task.Delay(50, cancellationToken);
                return await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
            case Fault.Unreachable:
                throw new IOException("Injected: the event store is unreachable.");
            case Fault.CommitThenLoseAcknowledgement:
                await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
                throw new IOException("Injected: the append committed but its acknowledgement was lost.");
            default:
                return await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, int afterVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        ThrowIfReadsFail(streamId);
        return inner.ReadStreamAsync(streamId, afterVersion, maxCount, cancellationToken);
    }

    public Task<StoredEvent?> FindByMovementAsync(string streamId, Guid movementId, CancellationToken cancellationToken = default)
    {
        ThrowIfReadsFail(streamId);
        return inner.FindByMovementAsync(streamId, movementId, cancellationToken);
    }

    public Task<int> GetVersionAtAsync(string streamId, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        inner.GetVersionAtAsync(streamId, asOf, cancellationToken);

    public Task<StreamSnapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        _snapshotReads.AddOrUpdate(streamId, 1, (_, n) => n + 1);
        ThrowIfReadsFail(streamId);
        return inner.ReadSnapshotAsync(streamId, cancellationToken);
    }

    public Task SaveSnapshotAsync(StreamSnapshot snapshot, CancellationToken cancellationToken = default) =>
        inner.SaveSnapshotAsync(snapshot, cancellationToken);

    public Task DeleteSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.DeleteSnapshotAsync(streamId, cancellationToken);

    private void ThrowIfReadsFail(string streamId)
    {
        if (_faults.GetValueOrDefault(streamId) == Fault.Unreachable)
        {
            throw new IOException("Injected: the event store is unreachable.");
        }
    }

    public enum Fault
    {
        None,
        Unreachable,
        CommitThenLoseAcknowledgement,

        /// <summary>Every append takes 50 ms, as a busy database would: movements pile up behind it.</summary>
        Slow,
    }

    public async Task<LogPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        await _logOpen.Task.WaitAsync(cancellationToken);
        return await ((IEventLog)inner).ReadAllAsync(after, maxCount, cancellationToken);
    }

    public async Task<LogEntryPage> ReadEntriesAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        await _logOpen.Task.WaitAsync(cancellationToken);
        return await ((IEventLog)inner).ReadEntriesAsync(after, maxCount, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(IReadOnlyList<long> positions, CancellationToken cancellationToken = default)
    {
        await _logOpen.Task.WaitAsync(cancellationToken);
        return await ((IEventLog)inner).ReadEventsAsync(positions, cancellationToken);
    }

    public Task<LogHead> ReadHeadAsync(LogPosition after, int pendingCap = 1_000_000, CancellationToken cancellationToken = default) =>
        ((IEventLog)inner).ReadHeadAsync(after, pendingCap, cancellationToken);

    public Task<StoredEvent?> ReadAtAsync(long position, CancellationToken cancellationToken = default) =>
        ((IEventLog)inner).ReadAtAsync(position, cancellationToken);

    private static TaskCompletionSource OpenGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private sealed class LogPause(FaultInjectingEventStore store) : IDisposable
    {
        public void Dispose() => store._logOpen.TrySetResult();
    }
}
