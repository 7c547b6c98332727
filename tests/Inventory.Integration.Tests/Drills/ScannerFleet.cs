using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Inventory.Integration.Tests.Drills;

/// <summary>
/// Scanners posting movements (receive, and picks that a stock rule may refuse) to the API over HTTP, as the contract
/// tells them to: a 503 or a lost answer is retried with the same movement id after Retry-After (or a short pause),
/// until the movement gets a final answer. Every answer is recorded with its time.
/// </summary>
public sealed class ScannerFleet(HttpClient scanner, string warehouseId, int items, Stopwatch clock)
{
    private static readonly TimeSpan NoAnswerPause = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentQueue<Answer> _answers = new();
    private readonly ConcurrentDictionary<Guid, Acknowledgement> _acknowledged = new();
    private readonly ConcurrentDictionary<Guid, string> _sent = new();
    private readonly ConcurrentDictionary<Guid, string> _unfinished = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public IReadOnlyCollection<Answer> Answers => _answers;

    /// <summary>Movement id → what the API acknowledged.</summary>
    public IReadOnlyDictionary<Guid, Acknowledgement> Acknowledged => _acknowledged;

    /// <summary>Movement id → SKU of every movement sent at least once.</summary>
    public IReadOnlyDictionary<Guid, string> Sent => _sent;

    /// <summary>Movements still without a final answer when the fleet stopped.</summary>
    public IReadOnlyDictionary<Guid, string> Unfinished => _unfinished;

    public IEnumerable<string> Skus => Enumerable.Range(0, items).Select(i => $"sku-{i:00}");

    public void Start(int scanners) =>
        _running = Task.WhenAll(Enumerable.Range(0, scanners).Select(i => Task.Run(() => ScanAsync(new Random(i)))));

    /// <summary>No new movements; every scanner finishes (retries) the one it holds, for at most <paramref name="bound"/>.</summary>
    public async Task StopAsync(TimeSpan bound)
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(bound);
    }

    private async Task ScanAsync(Random random)
    {
        while (!_stop.IsCancellationRequested)
        {
            var sku = $"sku-{random.Next(items):00}";
            var pick = random.Next(10) < 3;
            var movement = new
            {
                movementId = Guid.NewGuid(),
                warehouseId,
                sku,
                type = pick ? "pick" : "receive",
                quantity = pick ? random.Next(1, 4) : random.Next(1, 6),
                scannerId = $"drill-scanner-{random.Next(1000)}",
            };
            _sent[movement.movementId] = sku;
            _unfinished[movement.movementId] = sku;
            await SendUntilAnsweredAsync(movement.movementId, sku, movement);
        }
    }

    private async Task SendUntilAnsweredAsync(Guid movementId, string sku, object movement)
    {
        var giveUp = Stopwatch.StartNew();
        while (giveUp.Elapsed < TimeSpan.FromMinutes(2))
        {
            TimeSpan pause;
            var sent = clock.Elapsed;
            try
            {
                using var response = await scanner.PostAsJsonAsync("/api/v1/movements", movement);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var retryAfter = response.Headers.RetryAfter?.Delta;
                _answers.Enqueue(new Answer(clock.Elapsed, clock.Elapsed - sent, status, retryAfter is not null, CodeOf(body)));
                if (status is 200 or 201)
                {
                    using var json = JsonDocument.Parse(body);
                    var root = json.RootElement;
                    _acknowledged[movementId] = new Acknowledgement(sku, root.GetProperty("version").GetInt32(),
                        root.GetProperty("position").GetInt64(), root.GetProperty("onHand").GetInt64());
                }

                if (status != 503 && status < 500)
                {
                    _unfinished.TryRemove(movementId, out _);
                    return;
                }

                pause = retryAfter ?? NoAnswerPause;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                _answers.Enqueue(new Answer(clock.Elapsed, clock.Elapsed - sent, Answer.NoAnswer, false, ex.GetType().Name));
                pause = NoAnswerPause;
            }

            await Task.Delay(pause);
        }
    }

    private static string? CodeOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
