using System.Diagnostics;

namespace Inventory.EventStore;

/// <summary>The event store's spans (activity source <see cref="SourceName"/>): one per PostgreSQL writer batch
/// (<c>append_events batch</c>), Npgsql's command span under it. Free when nothing listens.</summary>
public static class EventStoreTracing
{
    public const string SourceName = "Inventory.EventStore";

    public static readonly ActivitySource Source = new(SourceName);
}
