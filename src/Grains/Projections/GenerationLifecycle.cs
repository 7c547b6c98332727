using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>
/// The generations of one projection through a blue/green rebuild, over the coordinator's stored state. Pure: no
/// Orleans, no clock (each step is given its time), no I/O (the coordinator reads the log, calls the shards and
/// stores the state after each step that says so).
/// <list type="number">
/// <item><b>Serving</b>: one active generation serves reads and gets live events.</item>
/// <item><b>Rebuilding</b> (<see cref="StartRebuild"/>): generation n+1 reads the log from position 0, catch-up only.</item>
/// <item><b>Shadowing</b> (<see cref="Read"/> says <see cref="RebuildStep.CaughtUp"/>): it has read to the end and also
/// gets live events.</item>
/// <item><b>Handed over</b> (<see cref="TakeOver"/>, once it has shadowed for the handover period and is at or past the
/// active generation's position): it serves reads; the previous generation keeps getting live events for another
/// handover period, for readers whose cached routing still points at it.</item>
/// <item><b>Retired</b> (<see cref="Retired"/>): the previous generation's shards were cleared.</item>
/// </list>
/// </summary>
public sealed class GenerationLifecycle(CoordinatorState state, TimeSpan handover)
{
    /// <summary>The generation reads go to.</summary>
    public int Active => state.ActiveGeneration;

    /// <summary>The generation being rebuilt, if any.</summary>
    public int? Rebuilding => state.RebuildGeneration;

    /// <summary>The replaced generation whose shards are still to be cleared, if any.</summary>
    public int? Retiring => state.RetiringGeneration;

    public IReadOnlyCollection<string> RetiringPartitions => state.RetiringPartitions;

    /// <summary>The generations the live stream feeds at <paramref name="now"/>: the active one, a rebuilt one once it
    /// has caught up, and a replaced one until its handover period is over.</summary>
    public IReadOnlyList<int> LiveGenerations(DateTimeOffset now)
    {
        var generations = new List<int> { state.ActiveGeneration };
        if (state.RebuildGeneration is { } rebuilding && state.ShadowingSince is not null)
        {
            generations.Add(rebuilding);
        }

        if (state.RetiringGeneration is { } retiring && state.RetireAt > now)
        {
            generations.Add(retiring);
        }

        return generations;
    }

    /// <summary>Starts rebuilding the next generation from position 0 at <paramref name="now"/>; returns it. A
    /// generation still retiring must have been retired first.</summary>
    public int StartRebuild(DateTimeOffset now)
    {
        if (state.RebuildGeneration is { } running)
        {
            throw new InvalidOperationException($"Generation {running} is being rebuilt already.");
        }

        if (state.RetiringGeneration is { } retiring)
        {
            throw new InvalidOperationException($"Generation {retiring} must be retired before a rebuild starts.");
        }

        var generation = state.ActiveGeneration + 1;
        state.RebuildGeneration = generation;
        state.RebuildCheckpoint = LogPosition.Start;
        state.RebuildPartitions = new HashSet<string>(StringComparer.Ordinal);
        state.RebuildStartedAt = now;
        state.RebuildApplied = 0;
        state.ShadowingSince = null;
        state.RebuildAppliedWhenCaughtUp = null;
        return generation;
    }

    /// <summary>An in-memory build of the rebuilding generation has applied <paramref name="applied"/> events so far
    /// (its progress; 0 once it is done, since <see cref="Read"/> then counts them).</summary>
    public void Building(long applied)
    {
        if (state.RebuildGeneration is null)
        {
            throw new InvalidOperationException("No generation is being rebuilt.");
        }

        state.RebuildApplied = applied;
    }

    /// <summary>A tick of the rebuild read <paramref name="events"/> more events and got to
    /// <paramref name="position"/>, to the log's gap-safe end if <paramref name="reachedEnd"/>; says what comes next.</summary>
    public RebuildStep Read(long events, bool reachedEnd, LogPosition position, LogPosition activePosition, DateTimeOffset now)
    {
        if (state.RebuildGeneration is null)
        {
            throw new InvalidOperationException("No generation is being rebuilt.");
        }

        state.RebuildApplied += events;
        if (!reachedEnd)
        {
            return RebuildStep.Reading;
        }

        if (state.ShadowingSince is not { } since)
        {
            state.ShadowingSince = now;
            state.RebuildAppliedWhenCaughtUp = state.RebuildApplied;
            return RebuildStep.CaughtUp;
        }

        return now - since >= handover && position >= activePosition ? RebuildStep.HandoverDue : RebuildStep.Shadowing;
    }

    /// <summary>The rebuilt generation becomes the active one at its stored <paramref name="checkpoint"/>; the previous
    /// one retires a handover period after <paramref name="now"/>. Returns the previous generation.</summary>
    public int TakeOver(LogPosition checkpoint, DateTimeOffset now)
    {
        if (state.RebuildGeneration is not { } generation || state.ShadowingSince is null)
        {
            throw new InvalidOperationException("No rebuilt generation has caught up to take over.");
        }

        var previous = state.ActiveGeneration;
        state.RetiringGeneration = previous;
        state.RetiringPartitions = state.Partitions;
        state.RetireAt = now + handover;
        state.ActiveGeneration = generation;
        state.Checkpoint = checkpoint;
        state.Partitions = state.RebuildPartitions;
        state.RebuildGeneration = null;
        state.RebuildCheckpoint = LogPosition.Start;
        state.RebuildPartitions = new HashSet<string>(StringComparer.Ordinal);
        state.ShadowingSince = null;
        state.RebuildStartedAt = null;
        state.RebuildAppliedWhenCaughtUp = null;
        return previous;
    }

    /// <summary>Whether the replaced generation's handover period is over at <paramref name="now"/>.</summary>
    public bool RetireDue(DateTimeOffset now) => state.RetiringGeneration is not null && !(state.RetireAt > now);

    /// <summary>The replaced generation's shards were cleared.</summary>
    public void Retired()
    {
        state.RetiringGeneration = null;
        state.RetiringPartitions = new HashSet<string>(StringComparer.Ordinal);
        state.RetireAt = null;
    }

    /// <summary>The rebuild in progress, read up to <paramref name="position"/>, as measured at <paramref name="now"/>
    /// (null when none runs).</summary>
    public RebuildProgress? Progress(LogPosition position, DateTimeOffset now)
    {
        if (state.RebuildGeneration is not { } generation)
        {
            return null;
        }

        var rate = state.RebuildStartedAt is { } started ? RebuildRate(started, now) : 0;
        return new RebuildProgress(generation, position, state.RebuildApplied, rate, state.RebuildStartedAt ?? now, state.ShadowingSince is not null);
    }

    /// <summary>The rebuild's own rate: the events it read over the time it took, until it caught up and from then on
    /// frozen there. While it shadows, what it still reads is the write rate, and the time it waits for the handover is
    /// not its own: counted in, they made the reported rate fall for as long as the handover lasted.</summary>
    private double RebuildRate(DateTimeOffset started, DateTimeOffset now)
    {
        var (events, until) = state.ShadowingSince is { } caughtUp
            ? (state.RebuildAppliedWhenCaughtUp ?? state.RebuildApplied, caughtUp)
            : (state.RebuildApplied, now);
        return events / Math.Max((until - started).TotalSeconds, 0.001);
    }
}
