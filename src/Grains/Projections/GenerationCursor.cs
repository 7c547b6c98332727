using Inventory.EventStore;

namespace Inventory.Projections;

/// <summary>
/// A coordinator's in-memory progress through the global log for one generation: the position read up to (ahead of
/// the stored checkpoint), and the shards that took events since the last checkpoint, with the activation that
/// acknowledged them. A shard that answers from another activation may have lost unwritten events: the cursor
/// then goes back to the stored checkpoint and delivers again (shards skip what they have).
/// </summary>
public sealed class GenerationCursor(int generation, LogPosition stored)
{
    private readonly Dictionary<string, Guid> _unflushed = new(StringComparer.Ordinal);

    public int Generation => generation;

    /// <summary>Read and delivered up to here.</summary>
    public LogPosition Position { get; private set; } = stored;

    /// <summary>Stored: every event up to here is written in the shards.</summary>
    public LogPosition Stored { get; private set; } = stored;

    public bool MustRewind { get; private set; }

    public IReadOnlyDictionary<string, Guid> Unflushed => _unflushed;

    public void Delivered(string partition, Guid activation)
    {
        if (_unflushed.TryGetValue(partition, out var earlier) && earlier != activation)
        {
            MustRewind = true;
        }

        _unflushed.TryAdd(partition, activation);
    }

    public void Advance(LogPosition end) => Position = end;

    /// <summary>All shards wrote their state: what was delivered is now safe to store as the checkpoint.</summary>
    public void Flushed()
    {
        Stored = Position;
        _unflushed.Clear();
    }

    /// <summary>Some shard may have lost events: deliver again from the stored checkpoint.</summary>
    public void Rewind()
    {
        Position = Stored;
        _unflushed.Clear();
        MustRewind = false;
    }
}
