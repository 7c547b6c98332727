using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>How far a projection is behind the log, in events.</summary>
public static class ProjectionLag
{
    /// <summary>Counting pending events costs about 0.7 ms per thousand on an idle server (several times that under
    /// load), and every coordinator measures once a second: they are counted up to this many.</summary>
    public const int CountedUpTo = 10_000;

    /// <summary>The events after <paramref name="checkpoint"/>: exact below <see cref="CountedUpTo"/>; beyond it,
    /// estimated from the global positions (the head's minus the checkpoint's: rolled-back positions count, and
    /// events that commit out of position order are placed by position), and never below the count.</summary>
    public static long Events(LogHead head, LogPosition checkpoint)
    {
        ArgumentNullException.ThrowIfNull(head);
        return head.Pending < CountedUpTo ? head.Pending : Math.Max(head.Pending, head.Position - checkpoint.Position);
    }
}
