using Inventory.Contracts.EventStore;
using Inventory.EventStore;

namespace Inventory.Grains.Tests.Projections;

/// <summary>The in-memory store's global log, whose catch-up reads a test can make fail (to stall the projections).</summary>
public sealed class ControllableEventLog(IEventLog inner) : IEventLog
{
    public bool ReadsFail { get; set; }

    public Task<LogPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default) =>
        ReadsFail
            ? throw new IOException("Injected: the global log cannot be read.")
            : inner.ReadAllAsync(after, maxCount, cancellationToken);

    public Task<LogHead> ReadHeadAsync(LogPosition after, int pendingCap = 1_000_000, CancellationToken cancellationToken = default) =>
        inner.ReadHeadAsync(after, pendingCap, cancellationToken);

    public Task<StoredEvent?> ReadAtAsync(long position, CancellationToken cancellationToken = default) =>
        inner.ReadAtAsync(position, cancellationToken);
}
