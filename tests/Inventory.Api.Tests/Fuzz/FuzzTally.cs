using System.Text;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>Counts of a run: requests and answers by status for each operation, and the writes of 2xx answers.</summary>
internal sealed class FuzzTally
{
    private readonly Dictionary<string, SortedDictionary<int, int>> _byOperation = new(StringComparer.Ordinal);

    public int Requests { get; private set; }

    public int WritingRequests { get; private set; }

    public long EventsWritten { get; private set; }

    public void Add(FuzzOperation operation, int status)
    {
        Requests++;
        if (!_byOperation.TryGetValue(operation.Name, out var statuses))
        {
            _byOperation[operation.Name] = statuses = [];
        }

        statuses[status] = statuses.GetValueOrDefault(status) + 1;
    }

    public void AddWrite(long events)
    {
        WritingRequests++;
        EventsWritten += events;
    }

    public int Count(FuzzOperation operation) => _byOperation.TryGetValue(operation.Name, out var s) ? s.Values.Sum() : 0;

    /// <summary>Answers of an operation that got past authentication, authorization and rate limiting.</summary>
    public int PastTheGate(FuzzOperation operation) =>
        _byOperation.TryGetValue(operation.Name, out var s) ? s.Where(p => p.Key is not (401 or 403 or 429)).Sum(p => p.Value) : 0;

    public string Summary(IEnumerable<FuzzOperation> operations, IReadOnlyDictionary<FuzzOperation, IReadOnlyList<FuzzKey>> keys)
    {
        var text = new StringBuilder().Append($"{"operation",-58} {"keys taken",-26} {"sent",5}  answers by status").AppendLine();
        foreach (var operation in operations)
        {
            var statuses = _byOperation.GetValueOrDefault(operation.Name) ?? [];
            var taken = string.Join(",", keys.GetValueOrDefault(operation)?.Select(k => k.Label) ?? []);
            text.Append($"{operation.Name,-58} {taken,-26} {Count(operation),5}  ")
                .AppendJoin(' ', statuses.Select(s => $"{s.Key}:{s.Value}")).AppendLine();
        }

        var all = _byOperation.Values.SelectMany(s => s).GroupBy(s => s.Key).OrderBy(g => g.Key);
        text.Append($"{"all",-58} {"",-26} {Requests,5}  ").AppendJoin(' ', all.Select(g => $"{g.Key}:{g.Sum(s => s.Value)}")).AppendLine()
            .Append($"2xx answers that wrote: {WritingRequests} ({EventsWritten} events)").AppendLine();
        return text.ToString();
    }
}
