using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Inventory.LoadGenerator;

/// <summary>Sends movements (one, or a batch) or the baseline request over one tuned <see cref="HttpClient"/>.
/// A timeout, a connection error or a 5xx is retried with the SAME movement ids, with backoff, at most
/// <see cref="LoadOptions.MaxAttempts"/> times; every outcome goes to the phase's <see cref="LoadStats"/>.</summary>
internal sealed class LoadClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly LoadOptions _options;
    private readonly MovementSource _source;

    public LoadClient(LoadOptions options, MovementSource source)
    {
        _options = options;
        _source = source;
        var handler = new SocketsHttpHandler
        {
            // Closed loop: one connection per scanner; open loop: enough for a stall's worth of requests in flight.
            MaxConnectionsPerServer = options.Rate is null ? options.Scanners : Math.Min(options.MaxInFlight, 512),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(2),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);
        _http.DefaultRequestHeaders.ExpectContinue = false;
    }

    /// <summary>Sends <paramref name="movements"/> (one: <c>/movements</c>; more: <c>/movements/batch</c>), or the
    /// baseline request when the target is <see cref="LoadTarget.Live"/>; records the latency from
    /// <paramref name="intended"/> (a <see cref="Stopwatch"/> timestamp) to the final answer.</summary>
    public async Task SendAsync(IReadOnlyList<MovementBody> movements, LoadStats stats, long intended)
    {
        stats.Sending(movements.Count);
        if (_options.Target == LoadTarget.Live)
        {
            var status = await WithRetriesAsync(stats, () => new HttpRequestMessage(HttpMethod.Get, "/health/live"));
            stats.Request(Stopwatch.GetElapsedTime(intended));
            stats.Movement(status.Status, status.Retried);
            return;
        }

        if (movements.Count == 1)
        {
            var movement = movements[0];
            var bytes = JsonSerializer.SerializeToUtf8Bytes(movement, LoadJsonContext.Default.MovementBody);
            var status = await WithRetriesAsync(stats, () => Post("/api/v1/movements", bytes));
            stats.Request(Stopwatch.GetElapsedTime(intended));
            stats.Movement(status.Status, status.Retried);
            _source.Answered(movement, status.Status);
            return;
        }

        await SendBatchAsync(movements, stats);
        stats.Request(Stopwatch.GetElapsedTime(intended));
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A batch: movements answered 5xx inside a 200 are sent again (same ids, same order) in the next attempt;
    /// a batch that failed as a whole is sent again whole.</summary>
    private async Task SendBatchAsync(IReadOnlyList<MovementBody> movements, LoadStats stats)
    {
        var pending = movements.ToList();
        for (var attempt = 1; ; attempt++)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new BatchBody(pending), LoadJsonContext.Default.BatchBody);
            var (status, answer) = await AttemptAsync(stats, Post("/api/v1/movements/batch", bytes), read: true);
            var retryable = IsRetryable(status);
            var still = new List<MovementBody>();
            if (status == 200 && answer?.Results.Count == pending.Count)
            {
                for (var i = 0; i < pending.Count; i++)
                {
                    var each = answer.Results[i].Status;
                    if (each >= 500 && attempt < _options.MaxAttempts)
                    {
                        stats.ServerError();
                        still.Add(pending[i]);
                        continue;
                    }

                    stats.Movement(each, attempt > 1);
                    _source.Answered(pending[i], each);
                }
            }
            else if (!retryable || attempt >= _options.MaxAttempts)
            {
                foreach (var movement in pending)
                {
                    stats.Movement(status, attempt > 1);
                }
            }
            else
            {
                still = pending;
            }

            if (still.Count == 0)
            {
                return;
            }

            pending = still;
            stats.Retry();
            await Task.Delay(Backoff(attempt));
        }
    }

    private async Task<(int Status, bool Retried)> WithRetriesAsync(LoadStats stats, Func<HttpRequestMessage> request)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (status, _) = await AttemptAsync(stats, request(), read: false);
            if (!IsRetryable(status) || attempt >= _options.MaxAttempts)
            {
                return (status, attempt > 1);
            }

            stats.Retry();
            await Task.Delay(Backoff(attempt));
        }
    }

    /// <summary>One attempt: the HTTP status, or 0 after a timeout or a connection error (counted).</summary>
    private async Task<(int Status, BatchAnswer? Answer)> AttemptAsync(LoadStats stats, HttpRequestMessage request, bool read)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout);
        try
        {
            using (request)
            using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token))
            {
                var status = (int)response.StatusCode;
                if (read && status == 200)
                {
                    await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                    return (status, await JsonSerializer.DeserializeAsync(body, LoadJsonContext.Default.BatchAnswer, timeout.Token));
                }

                // Drain the body so that the connection goes back to the pool.
                await response.Content.CopyToAsync(Stream.Null, timeout.Token);
                if (status >= 500)
                {
                    stats.ServerError();
                }

                return (status, null);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            stats.Timeout();
            return (0, null);
        }
        catch (HttpRequestException)
        {
            stats.ConnectionError();
            return (0, null);
        }
    }

    private static HttpRequestMessage Post(string path, byte[] body) => new(HttpMethod.Post, path)
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
    };

    private static bool IsRetryable(int status) => status is 0 or >= 500;

    /// <summary>50 ms, 100 ms, 200 ms... at most 1 s, with ±25% jitter.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(1000, 50 * Math.Pow(2, attempt - 1)) * (0.75 + (Random.Shared.NextDouble() / 2)));
}
