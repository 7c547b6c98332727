using System.Text;
using Inventory.Contracts.EventStore;
using Inventory.EventStore;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>
/// Sends a run's requests one after the other and checks each answer (<see cref="ResponseChecks"/>) and the event
/// log around it: its head must not move across a request that was not answered 2xx, nor across any GET.
/// First it probes each operation with each role's key to learn which keys it takes; then it deals the operations
/// like cards from a shuffled deck (operations with a body three times) until the budget, probes included, is spent.
/// </summary>
internal sealed class FuzzRunner(HttpClient client, IEventLog log, FuzzSettings settings, IReadOnlyList<FuzzOperation> operations)
{
    private const int MaxReportedFailures = 20;

    private readonly FuzzRandom _random = new(settings.Seed);
    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<FuzzOperation, IReadOnlyList<FuzzKey>> _allowed = [];
    private int _index;

    public FuzzTally Tally { get; } = new();

    /// <summary>The role keys each operation took when probed.</summary>
    public IReadOnlyDictionary<FuzzOperation, IReadOnlyList<FuzzKey>> Allowed => _allowed;

    public int FailureCount { get; private set; }

    public string Failures => string.Join(Environment.NewLine, _failures) + Environment.NewLine + "Failures by kind:" + Environment.NewLine
        + string.Join(Environment.NewLine, _kinds.Select(k => $"  {k.Value} x {k.Key}"));

    public async Task RunAsync()
    {
        var valid = new ValidValues(_random, new FuzzItems(_random));
        var prober = new FuzzRequestFactory(_random, valid, _allowed);
        foreach (var operation in operations)
        {
            var keys = new List<FuzzKey>();
            foreach (var key in FuzzKey.Roles)
            {
                var status = await ExchangeAsync(prober.Probe(++_index, operation, key));
                if (status is not (null or 401 or 403))
                {
                    keys.Add(key);
                }
            }

            _allowed[operation] = keys;
        }

        var factory = new FuzzRequestFactory(_random, valid, _allowed);
        var deck = operations.SelectMany(o => Enumerable.Repeat(o, o.BodySchema is null ? 1 : 3)).ToArray();
        while (Tally.Requests < settings.Requests)
        {
            _random.Shuffle(deck);
            foreach (var operation in deck.Take(settings.Requests - Tally.Requests))
            {
                await ExchangeAsync(factory.Create(++_index, operation));
            }
        }
    }

    /// <summary>Sends one request and checks it; the answer's status, or null when none came in time.</summary>
    private async Task<int?> ExchangeAsync(FuzzRequest request)
    {
        var before = (await log.ReadHeadAsync(LogPosition.Start, pendingCap: 0)).Position;
        var response = await SendAsync(request);
        var after = (await log.ReadHeadAsync(LogPosition.Start, pendingCap: 0)).Position;
        Tally.Add(request.Operation, response?.Status ?? 0);

        var violations = response is null ? [$"no answer within {settings.RequestTimeout.TotalSeconds:0} s"] : ResponseChecks.Check(response).ToList();
        if (after != before)
        {
            if (response is { IsSuccess: true } && request.Operation.Method != "GET")
            {
                Tally.AddWrite(after - before);
            }
            else
            {
                violations.Add($"the event log's head moved: from {before} to {after}, {await WrittenAsync(before, after)}");
            }
        }

        if (violations.Count > 0)
        {
            Fail(request, response, violations);
        }

        return response?.Status;
    }

    private async Task<FuzzResponse?> SendAsync(FuzzRequest request)
    {
        using var timeout = new CancellationTokenSource(settings.RequestTimeout);
        try
        {
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var streaming = request.Operation.IsStreaming && status is >= 200 and < 300 && mediaType == "text/event-stream";
            var body = streaming ? null : await response.Content.ReadAsStringAsync(timeout.Token);
            return new FuzzResponse(status, mediaType, body);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<string> WrittenAsync(long before, long after)
    {
        var events = new List<string>();
        for (var position = before + 1; position <= after && events.Count < 5; position++)
        {
            if (await log.ReadAtAsync(position) is { } stored)
            {
                events.Add($"{stored.StreamId}@{stored.Version} {stored.Type}");
            }
        }

        return string.Join(", ", events);
    }

    /// <summary>Keeps the failure for the report: at most three of a kind (operation and broken promises), so that a
    /// frequent one does not hide a rarer one.</summary>
    private void Fail(FuzzRequest request, FuzzResponse? response, List<string> violations)
    {
        FailureCount++;
        var kind = request.Operation.Name + ": " + string.Join("; ", violations.Select(v => v.Split(':')[0]));
        _kinds[kind] = _kinds.GetValueOrDefault(kind) + 1;
        if (_failures.Count < MaxReportedFailures && _kinds[kind] <= 3)
        {
            _failures.Add(new StringBuilder()
                .Append(request.Describe())
                .AppendLine(response?.Describe() ?? "  answer: none")
                .Append("  violates: ").AppendJoin("; ", violations).AppendLine()
                .ToString());
        }
    }
}
