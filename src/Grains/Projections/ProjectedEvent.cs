using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Projections;

/// <summary>An envelope with its event deserialized (upcast to the current schema) and its item's identity.</summary>
public sealed record ProjectedEvent(EventEnvelope Envelope, StockItemEvent Event, string WarehouseId, string Sku)
{
    public static ProjectedEvent From(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!StockItemKey.TryParse(envelope.StreamId, out var key))
        {
            throw new FormatException($"Stream id '{envelope.StreamId}' is not a stock item key.");
        }

        var @event = StockItemEventTypes.Serializer.Deserialize(envelope.Type, envelope.SchemaVersion, envelope.Data);
        return new ProjectedEvent(envelope, @event, key.WarehouseId, key.Sku);
    }
}
