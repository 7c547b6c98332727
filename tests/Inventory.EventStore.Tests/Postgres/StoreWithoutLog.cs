using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Tests.Postgres;

/// <summary>An <see cref="IEventStore"/> that is no <see cref="IEventLog"/> (a decorator that forgot it); never called.</summary>
internal sealed class StoreWithoutLog : IEventStore
{
    public Task<AppendResult> AppendAsync(string streamId, int expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, int afterVersion, int maxCount, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<StoredEvent?> FindByMovementAsync(string streamId, Guid movementId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<int> GetVersionAtAsync(string streamId, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<StreamSnapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task SaveSnapshotAsync(StreamSnapshot snapshot, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task DeleteSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
