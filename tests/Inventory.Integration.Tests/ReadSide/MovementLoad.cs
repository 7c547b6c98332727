using System.Collections.Concurrent;
using System.Diagnostics;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;

namespace Inventory.Integration.Tests.ReadSide;

/// <summary>
/// Scanners sending a mix of movements (receives, reserves, picks from free stock, reorder points) to random items.
/// A movement that gets no answer is sent again later with the same movement id, as real scanners do. Every attempt
/// is timed against <see cref="Clock"/>, so that tests can tell when items answered again after a failure.
/// </summary>
public sealed class MovementLoad(IGrainFactory grains, IReadOnlyList<string> keys, TimeSpan callTimeout)
{
    private readonly ConcurrentDictionary<Guid, (string Key, StockCommand Command)> _unanswered = new();
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public ConcurrentDictionary<Guid, MovementResult> Answered { get; } = new();

    public IEnumerable<Attempt> Attempts => _attempts;

    /// <summary>Runs <paramref name="scanners"/> scanners until <paramref name="until"/> on <see cref="Clock"/>.</summary>
    public Task RunAsync(int scanners, TimeSpan until) =>
        Task.WhenAll(Enumerable.Range(0, scanners).Select(async scanner =>
        {
            var random = new Random(scanner);
            while (Clock.Elapsed < until)
            {
                var key = keys[random.Next(keys.Count)];
                var command = NextCommand(random, scanner);
                if (!await TrySendAsync(key, command))
                {
                    _unanswered[command.MovementId] = (key, command);
                    await Task.Delay(100);
                }
            }
        }));

    /// <summary>Sends every unanswered movement again (same movement id) until all are answered.</summary>
    public async Task RetryUnansweredAsync(TimeSpan bound)
    {
        var deadline = Clock.Elapsed + bound;
        while (!_unanswered.IsEmpty)
        {
            Assert.True(Clock.Elapsed < deadline, $"{_unanswered.Count} movements still unanswered after {bound.TotalSeconds:0} s of retries.");
            foreach (var (id, (key, command)) in _unanswered)
            {
                if (await TrySendAsync(key, command))
                {
                    _unanswered.TryRemove(id, out _);
                }
            }

            if (!_unanswered.IsEmpty)
            {
                await Task.Delay(250);
            }
        }
    }

    private static StockCommand NextCommand(Random random, int scanner)
    {
        var id = Guid.NewGuid();
        var scannerId = $"scanner-{scanner}";
        return random.Next(100) switch
        {
            < 45 => new ReceiveStock { MovementId = id, Quantity = random.Next(1, 6), ScannerId = scannerId },
            < 65 => new ReserveStock { MovementId = id, Quantity = random.Next(1, 3), ReservationId = $"order-{id:N}"[..14], ScannerId = scannerId },
            < 90 => new PickStock { MovementId = id, Quantity = random.Next(1, 4), ScannerId = scannerId },
            _ => new SetReorderPoint { MovementId = id, ReorderPoint = random.Next(0, 12), ScannerId = scannerId },
        };
    }

    private async Task<bool> TrySendAsync(string key, StockCommand command)
    {
        var started = Clock.Elapsed;
        try
        {
            var result = await grains.GetGrain<IStockItemGrain>(key).ExecuteAsync(command).WaitAsync(callTimeout);
            if (Answered.TryGetValue(command.MovementId, out var earlier))
            {
                Assert.Equal(earlier.Version, result.Version);
            }

            Answered[command.MovementId] = result;
            _attempts.Enqueue(new Attempt(key, started, Clock.Elapsed, Ok: true));
            return true;
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or OperationCanceledException or StorageUnavailableException)
        {
            _attempts.Enqueue(new Attempt(key, started, Clock.Elapsed, Ok: false));
            return false;
        }
    }
}
