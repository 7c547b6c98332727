using System.Text.Json.Nodes;
using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>Turns the stored JSON of one event type from <see cref="FromVersion"/> into the next version.
/// Pure: no I/O, no clock; old events stay readable forever.</summary>
public interface IEventUpcaster
{
    string Type { get; }

    int FromVersion { get; }

    JsonObject Upcast(JsonObject data);
}
