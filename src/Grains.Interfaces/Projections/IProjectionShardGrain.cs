using Inventory.Contracts.EventStore;
using Orleans.Concurrency;

namespace Inventory.Contracts.Projections;

/// <summary>
/// One partition of one generation of a projection; key <c>"{projection}/{generation}/{partition}"</c>. Applies each
/// (stream, version) once: duplicates are skipped, a version gap is filled from the event store first, a failing event
/// is retried with backoff and then parked as a dead letter. State is written in batches (<see cref="FlushAsync"/>).
/// </summary>
[Alias("inventory.projection-shard")]
public interface IProjectionShardGrain : IGrainWithStringKey
{
    [Alias("apply")]
    Task<ShardAck> ApplyAsync(IReadOnlyList<EventEnvelope> events);

    /// <summary>Catch-up by the log's entries: reads and applies, as <see cref="ApplyAsync"/> would, the events of
    /// <paramref name="entries"/> the shard has not applied (those the live path did not bring), and only those.</summary>
    [Alias("catch-up")]
    Task<ShardAck> CatchUpAsync(IReadOnlyList<LogEntry> entries);

    /// <summary>Writes the state if it changed. False when this is not the activation that acknowledged
    /// <paramref name="activation"/> (what it applied may have been lost: the caller delivers again).</summary>
    [Alias("flush")]
    Task<bool> FlushAsync(Guid activation);

    /// <summary>Applies a parked event again (after the projection was fixed). False when it fails again (it stays parked).</summary>
    [Alias("redrive")]
    Task<bool> RedriveAsync(DeadLetter letter);

    /// <summary>Replaces the state with one built in memory by a rebuild (a <c>ShardState</c> of the shard's view) and
    /// writes it; answers with this activation, as a delivery does.</summary>
    [Alias("adopt")]
    Task<ShardAck> AdoptAsync(Immutable<object> state);

    /// <summary>Clears the state of a generation that was replaced.</summary>
    [Alias("retire")]
    Task RetireAsync();

    /// <summary>Whether the shard has applied the event at <paramref name="position"/> of stream <paramref name="streamId"/>.</summary>
    [Alias("has-applied")]
    Task<bool> HasAppliedAsync(string streamId, long position);
}
