namespace Inventory.EventStore;

/// <summary>The event types one kind of stream stores (an <see cref="EventSerializer{TEvent}"/>), whatever its event base type.</summary>
public interface IEventTypes
{
    /// <summary>Every event type written, with its stored name and current schema version.</summary>
    IReadOnlyList<(Type Type, string Name, int Version)> Types { get; }

    /// <summary>True when an upcaster reads <paramref name="type"/> at <paramref name="fromVersion"/> into the next version.</summary>
    bool HasUpcaster(string type, int fromVersion);
}
