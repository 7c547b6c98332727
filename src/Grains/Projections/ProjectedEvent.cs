using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Projections;

/// <summary>
/// An envelope with its item's identity and its event, deserialized (upcast to the current schema) when first asked
/// for and kept: catch-up hands the same instance to the shards of every projection, so each event read is
/// deserialized once in a silo however many projections apply it. Asking for <see cref="Event"/> throws each time when
/// the payload does not deserialize (or the stream is not a stock item's), so that each shard retries and parks it.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.projected-event")]
public sealed class ProjectedEvent
{
    [NonSerialized]
    private StockItemEvent? _event;

    [Id(0)] public required EventEnvelope Envelope { get; init; }

    /// <summary>The item's warehouse ("" when the stream is not a stock item's).</summary>
    [Id(1)] public required string WarehouseId { get; init; }

    /// <summary>The item's SKU ("" when the stream is not a stock item's).</summary>
    [Id(2)] public required string Sku { get; init; }

    /// <summary>The event; a race of two threads at most deserializes it twice, to equal values.</summary>
    public StockItemEvent Event => _event ??= Deserialize();

    /// <summary>The envelope, its event deserialized at once (throws when it does not deserialize).</summary>
    public static ProjectedEvent From(EventEnvelope envelope)
    {
        var projected = Of(envelope);
        _ = projected.Event;
        return projected;
    }

    /// <summary>The envelope, its event deserialized when first asked for.</summary>
    public static ProjectedEvent Of(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return StockItemKey.TryParse(envelope.StreamId, out var key)
            ? new ProjectedEvent { Envelope = envelope, WarehouseId = key.WarehouseId, Sku = key.Sku }
            : new ProjectedEvent { Envelope = envelope, WarehouseId = "", Sku = "" };
    }

    private StockItemEvent Deserialize()
    {
        if (Sku.Length == 0)
        {
            throw new FormatException($"Stream id '{Envelope.StreamId}' is not a stock item key.");
        }

        return StockItemEventTypes.Serializer.Deserialize(Envelope.Type, Envelope.SchemaVersion, Envelope.Data);
    }
}
