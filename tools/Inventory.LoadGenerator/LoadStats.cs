namespace Inventory.LoadGenerator;

/// <summary>Counters of one phase (thread-safe). Statuses are per movement, final (after retries); timeouts,
/// connection errors and 5xx answers that were retried are counted per attempt.</summary>
internal sealed class LoadStats
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = new(1 << 16);
    private long _requests;
    private long _created;
    private long _ok;
    private long _conflict;
    private long _rateLimited;
    private long _otherClientError;
    private long _serverError;
    private long _unanswered;
    private long _attemptTimeouts;
    private long _attemptConnectionErrors;
    private long _attempt5xx;
    private long _retries;
    private long _duplicatesAfterRetry;
    private long _sent;

    public void Sending(int movements) => Interlocked.Add(ref _sent, movements);

    /// <summary>One request finished (answered or given up): its latency from the intended send time.</summary>
    public void Request(TimeSpan latency)
    {
        Interlocked.Increment(ref _requests);
        lock (_lock)
        {
            _latencies.Add(latency.TotalMilliseconds);
        }
    }

    /// <summary>The final status of one movement (0: no answer after every attempt).</summary>
    public void Movement(int status, bool retried)
    {
        switch (status)
        {
            case 201: Interlocked.Increment(ref _created); break;
            case 200:
                Interlocked.Increment(ref _ok);
                if (retried)
                {
                    Interlocked.Increment(ref _duplicatesAfterRetry);
                }

                break;
            case 409: Interlocked.Increment(ref _conflict); break;
            case 429: Interlocked.Increment(ref _rateLimited); break;
            case >= 400 and < 500: Interlocked.Increment(ref _otherClientError); break;
            case >= 500: Interlocked.Increment(ref _serverError); break;
            default: Interlocked.Increment(ref _unanswered); break;
        }
    }

    public void Timeout() => Interlocked.Increment(ref _attemptTimeouts);

    public void ConnectionError() => Interlocked.Increment(ref _attemptConnectionErrors);

    public void ServerError() => Interlocked.Increment(ref _attempt5xx);

    public void Retry() => Interlocked.Increment(ref _retries);

    public LoadReport Report(LoadOptions options, TimeSpan elapsed, OpenLoopFigures? open, double cpuCoresUsed)
    {
        double[] latencies;
        lock (_lock)
        {
            latencies = [.. _latencies];
        }

        return new LoadReport(options.Label, elapsed, Interlocked.Read(ref _requests), Interlocked.Read(ref _sent), Distribution.Of(latencies),
            new StatusCounts(_created, _ok, _conflict, _rateLimited, _otherClientError, _serverError, _unanswered),
            _attemptTimeouts, _attemptConnectionErrors, _attempt5xx, _retries, _duplicatesAfterRetry, open, cpuCoresUsed);
    }
}
