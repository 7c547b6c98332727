using Inventory.Contracts.EventStore;

namespace Inventory.Projections;

/// <summary>A page of the global log as catch-up delivers it (see <see cref="LogPageReader"/>): the events to deliver,
/// in reading order; how many events the page covered (<paramref name="Read"/>: more than the events when some were
/// left out as delivered already); and where the next read continues after (<see cref="EventStore.LogPage.End"/>).</summary>
public sealed record ProjectedPage(IReadOnlyList<ProjectedEvent> Events, int Read, LogPosition End);
