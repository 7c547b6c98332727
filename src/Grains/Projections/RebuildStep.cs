using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>Where a tick of reading left a rebuild (<see cref="GenerationLifecycle.Read"/>).</summary>
public enum RebuildStep
{
    /// <summary>Not at the log's end yet: catch-up only.</summary>
    Reading,

    /// <summary>Just read to the log's end: from now on it also gets live events (store the state).</summary>
    CaughtUp,

    /// <summary>Gets live events; not yet a handover period long, or still behind the active generation.</summary>
    Shadowing,

    /// <summary>May take over reads once a checkpoint has stored everything it read.</summary>
    HandoverDue,
}
