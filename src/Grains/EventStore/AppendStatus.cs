using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>How an append ended. Only <see cref="Appended"/> and <see cref="AlreadyAppended"/> mean the events are stored.</summary>
public enum AppendStatus
{
    /// <summary>The events were stored at versions expected+1 ... expected+n.</summary>
    Appended,

    /// <summary>These very events (same ids, same versions) were stored by an earlier attempt whose
    /// acknowledgement was lost: nothing new was written and the append counts as done.</summary>
    AlreadyAppended,

    /// <summary>The stream is not at the expected version: another writer got there first. Nothing was written.</summary>
    VersionConflict,

    /// <summary>A movement id of the batch is already in the stream. Nothing was written.</summary>
    DuplicateMovement,
}
