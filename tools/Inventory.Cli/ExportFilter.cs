using System.Text;
using Npgsql;

namespace Inventory.Cli;

/// <summary>Which events <c>events export</c> writes: of some streams, of a warehouse (stream ids <c>warehouse/...</c>), in a
/// position range (both ends included) and recorded in a time range (<see cref="Since"/> included, <see cref="Until"/> not).
/// Every condition given must hold; none given is every event.</summary>
public sealed record ExportFilter
{
    public IReadOnlyList<string> Streams { get; init; } = [];

    public string? Warehouse { get; init; }

    public long? FromPosition { get; init; }

    public long? ToPosition { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>The SQL condition (" WHERE ..." or empty), its parameters added to <paramref name="command"/>.</summary>
    public string Where(NpgsqlCommand command, bool positionsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        var conditions = new List<string>();
        void Add(string sql, object value)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            conditions.Add(sql.Replace("@", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }

        if (FromPosition is { } from)
        {
            Add("global_position >= @", from);
        }

        if (ToPosition is { } to)
        {
            Add("global_position <= @", to);
        }

        if (!positionsOnly)
        {
            if (Streams.Count > 0)
            {
                Add("stream_id = ANY(@)", Streams.ToArray());
            }

            if (Warehouse is { } warehouse)
            {
                Add("starts_with(stream_id, @)", warehouse + "/");
            }

            if (Since is { } since)
            {
                Add("recorded_at >= @", since.ToUniversalTime());
            }

            if (Until is { } until)
            {
                Add("recorded_at < @", until.ToUniversalTime());
            }
        }

        return conditions.Count == 0 ? "" : new StringBuilder(" WHERE ").AppendJoin(" AND ", conditions).ToString();
    }
}
