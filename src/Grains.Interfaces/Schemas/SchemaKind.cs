namespace Inventory.Contracts.Schemas;

/// <summary>What a registered schema describes, and the folder of <c>schemas/</c> it lives in.</summary>
public enum SchemaKind
{
    /// <summary>The data of a stored event (<c>schemas/events/</c>).</summary>
    Event,

    /// <summary>The data of a stored stream snapshot (<c>schemas/snapshots/</c>).</summary>
    Snapshot,

    /// <summary>The metadata stored beside every event (<c>schemas/metadata/</c>).</summary>
    Metadata,
}
