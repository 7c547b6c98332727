using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>Durable parking of events that projections failed to apply (PostgreSQL, or memory in the embedded default).</summary>
public interface IDeadLetterStore
{
    /// <summary>Parks an event for a projection; parking the same (projection, event id) again adds the attempts,
    /// keeps the latest error and makes it open again. Returns the stored letter with its id.</summary>
    Task<DeadLetter> ParkAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>Dead letters by id ascending after <paramref name="afterId"/>, optionally of one projection, optionally only open ones.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(string? projection, bool openOnly, long afterId, int limit, CancellationToken cancellationToken = default);

    Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Marks a letter re-driven (applied again); false when there is no such letter.</summary>
    Task<bool> MarkRedrivenAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The number of open (not re-driven) letters per projection.</summary>
    Task<IReadOnlyDictionary<string, long>> CountOpenAsync(CancellationToken cancellationToken = default);
}
