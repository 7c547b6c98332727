using Npgsql;
using NpgsqlTypes;

namespace Inventory.EventStore.Postgres;

/// <summary>A batch's events as the columns the append statements take (one element per event, requests in order), and
/// each stream's head as the batch expects it (streams expected at version 0 have none).</summary>
internal sealed class AppendRows
{
    private AppendRows(int count, int heads)
    {
        Count = count;
        Request = new int[count];
        StreamId = new string[count];
        Version = new int[count];
        EventId = new Guid[count];
        MovementId = new Guid[count];
        Type = new string[count];
        SchemaVersion = new int[count];
        Data = new string[count];
        Metadata = new string[count];
        RecordedAt = new DateTime[count];
        HeadStreamId = new string[heads];
        HeadVersion = new int[heads];
    }

    public int Count { get; }

    public int[] Request { get; }

    public string[] StreamId { get; }

    public int[] Version { get; }

    public Guid[] EventId { get; }

    public Guid[] MovementId { get; }

    public string[] Type { get; }

    public int[] SchemaVersion { get; }

    public string[] Data { get; }

    public string[] Metadata { get; }

    public DateTime[] RecordedAt { get; }

    public string[] HeadStreamId { get; }

    public int[] HeadVersion { get; }

    /// <summary>The rows of <paramref name="batch"/>; refuses a batch with two requests for one stream (each request's
    /// answer stands for its stream alone).</summary>
    public static AppendRows Of(IReadOnlyList<AppendRequest> batch)
    {
        var streams = new HashSet<string>(batch.Count, StringComparer.Ordinal);
        var total = 0;
        var heads = 0;
        foreach (var append in batch)
        {
            if (!streams.Add(append.StreamId))
            {
                throw new ArgumentException($"A batch of appends has two requests for {append.StreamId}.", nameof(batch));
            }

            total += append.Events.Count;
            heads += append.ExpectedVersion > 0 ? 1 : 0;
        }

        var rows = new AppendRows(total, heads);
        var row = 0;
        var head = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var append = batch[i];
            if (append.ExpectedVersion > 0)
            {
                rows.HeadStreamId[head] = append.StreamId;
                rows.HeadVersion[head++] = append.ExpectedVersion;
            }

            for (var j = 0; j < append.Events.Count; j++, row++)
            {
                var e = append.Events[j];
                rows.Request[row] = i;
                rows.StreamId[row] = append.StreamId;
                rows.Version[row] = append.ExpectedVersion + j + 1;
                rows.EventId[row] = e.EventId;
                rows.MovementId[row] = e.MovementId;
                rows.Type[row] = e.Type;
                rows.SchemaVersion[row] = e.SchemaVersion;
                rows.Data[row] = e.Data;
                rows.Metadata[row] = e.Metadata;
                rows.RecordedAt[row] = e.RecordedAt.UtcDateTime;
            }
        }

        return rows;
    }

    /// <summary>Adds the event columns as parameters, preceded by the request index of each when
    /// <paramref name="withRequest"/> (the resolving function's signature).</summary>
    public void AddColumns(NpgsqlCommand command, bool withRequest)
    {
        if (withRequest)
        {
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = Request });
        }

        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = StreamId, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = Version });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = EventId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = MovementId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Type, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = SchemaVersion });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = RecordedAt, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
    }
}
