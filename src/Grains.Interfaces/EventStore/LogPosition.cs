namespace Inventory.Contracts.EventStore;

/// <summary>
/// A place in the global log's reading order: (writing transaction, global position). Global positions alone are
/// not commit order (position 101 can become visible after 102); transaction ids below the oldest transaction still
/// in flight are final, so a reader that follows (transaction, position) and stops at that horizon never skips an
/// event that commits later. <see cref="Start"/> is before every event.
/// </summary>
[GenerateSerializer, Immutable, Alias("log-position")]
public readonly record struct LogPosition(
    [property: Id(0)] ulong TransactionId,
    [property: Id(1)] long Position) : IComparable<LogPosition>
{
    public static LogPosition Start => default;

    public int CompareTo(LogPosition other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Position.CompareTo(other.Position);
    }

    public static bool operator <(LogPosition left, LogPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(LogPosition left, LogPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(LogPosition left, LogPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LogPosition left, LogPosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{TransactionId}:{Position}";
}
