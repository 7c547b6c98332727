using System.Diagnostics;

namespace Inventory.LoadGenerator;

/// <summary>Scanners in a closed loop: each sends its next request when its last one was answered.</summary>
internal static class ClosedLoop
{
    public static async Task<TimeSpan> RunAsync(LoadOptions options, LoadClient client, MovementSource source, LoadStats stats, TimeSpan duration, int seed)
    {
        var clock = Stopwatch.StartNew();
        long budget = options.MaxMovements;
        await Task.WhenAll(Enumerable.Range(0, options.Scanners).Select(scanner => Task.Run(async () =>
        {
            var random = new Random(seed * 10_007 + scanner);
            var scannerId = $"scanner-{scanner:D4}";
            while (clock.Elapsed < duration && Interlocked.Add(ref budget, -options.Batch) >= 0)
            {
                var movements = new MovementBody[options.Batch];
                for (var i = 0; i < movements.Length; i++)
                {
                    movements[i] = source.Next(random, scannerId);
                }

                await client.SendAsync(movements, stats, Stopwatch.GetTimestamp());
            }
        })));
        return clock.Elapsed;
    }
}
