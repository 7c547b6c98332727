using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>
/// Since when a projection shard has held applied events that its stored state lacks. The shard's own timer writes
/// them once they have waited <see cref="ProjectionOptions.ShardFlushInterval"/>; a checkpoint usually has first.
/// Measured from the first unwritten event, not from the last write: after an idle spell every shard's last write is
/// long past, and a timer that went by it wrote every shard as soon as events came again, all at once.
/// </summary>
public sealed class UnwrittenEvents(TimeProvider time)
{
    /// <summary>When the oldest unwritten event was applied; <c>null</c> when the stored state has everything.</summary>
    public DateTimeOffset? Since { get; private set; }

    public bool Any => Since is not null;

    /// <summary>Events were applied now.</summary>
    public void Applied() => Since ??= time.GetUtcNow();

    /// <summary>Whether the oldest unwritten event has waited <paramref name="interval"/> or longer.</summary>
    public bool HaveWaited(TimeSpan interval) => Since is { } since && time.GetUtcNow() - since >= interval;

    /// <summary>A write of the whole state begins: what was unwritten is in it. Returns the mark to give back to
    /// <see cref="WriteFailed"/>.</summary>
    public DateTimeOffset? Writing()
    {
        var since = Since;
        Since = null;
        return since;
    }

    /// <summary>The write begun with <see cref="Writing"/> failed: its events are unwritten still, since their time.</summary>
    public void WriteFailed(DateTimeOffset? since)
    {
        if (since is { } earlier && (Since is not { } later || earlier < later))
        {
            Since = earlier;
        }
    }
}
