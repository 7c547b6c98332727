using System.Diagnostics;
using Inventory.Contracts.EventStore;

namespace Inventory.EventStore.Postgres;

/// <summary>One <see cref="IEventStore.AppendAsync"/> call waiting in the append queue for its batch.</summary>
internal sealed class AppendRequest(string streamId, int expectedVersion, IReadOnlyList<EventData> events)
{
    public string StreamId => streamId;

    public int ExpectedVersion => expectedVersion;

    public IReadOnlyList<EventData> Events => events;

    /// <summary>When it was queued (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public long QueuedAt { get; } = Stopwatch.GetTimestamp();

    /// <summary>The span that asked for the append (the stock item's <c>append</c>), default when nothing traces it: the
    /// writer's batch span continues or links to it.</summary>
    public ActivityContext Trace { get; } = Activity.Current?.Context ?? default;

    /// <summary>Completed by the writer loop; continuations never run on it.</summary>
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
