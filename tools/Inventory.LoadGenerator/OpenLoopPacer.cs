using System.Diagnostics;

namespace Inventory.LoadGenerator;

/// <summary>Sends at <see cref="LoadOptions.Rate"/> movements/s whatever the answers do. Request i is due at
/// start + i × batch / rate; its latency counts from that intended time, not from when it went out (no coordinated
/// omission). Past <see cref="LoadOptions.MaxInFlight"/> requests in flight, a due send is skipped and counted.</summary>
internal static class OpenLoopPacer
{
    public static async Task<(TimeSpan Elapsed, OpenLoopFigures Figures)> RunAsync(
        LoadOptions options, LoadClient client, MovementSource source, LoadStats stats, TimeSpan duration, int seed)
    {
        var rate = options.Rate!.Value;
        var requestsPerSecond = rate / options.Batch;
        var total = (long)Math.Min(requestsPerSecond * duration.TotalSeconds, options.MaxMovements / options.Batch);
        var random = new Random(seed);
        var inFlight = 0;
        var tasks = new List<Task>();
        var lateness = new List<double>();
        long skipped = 0;
        long sent = 0;
        var start = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        while (sent + skipped < total)
        {
            var due = (long)Math.Min(total, Math.Floor(clock.Elapsed.TotalSeconds * requestsPerSecond) + 1);
            for (var i = sent + skipped; i < due; i++)
            {
                var intended = start + (long)(i / requestsPerSecond * Stopwatch.Frequency);
                lateness.Add(Stopwatch.GetElapsedTime(intended).TotalMilliseconds);
                if (Volatile.Read(ref inFlight) >= options.MaxInFlight)
                {
                    skipped++;
                    continue;
                }

                var movements = new MovementBody[options.Batch];
                for (var m = 0; m < movements.Length; m++)
                {
                    movements[m] = source.Next(random, $"scanner-{random.Next(options.Scanners):D4}");
                }

                Interlocked.Increment(ref inFlight);
                tasks.Add(SendAsync(client, movements, stats, intended, () => Interlocked.Decrement(ref inFlight)));
                sent++;
                if (tasks.Count > 8192)
                {
                    tasks.RemoveAll(t => t.IsCompleted);
                }
            }

            if (sent + skipped < total)
            {
                await Task.Delay(1);
            }
        }

        var sending = clock.Elapsed;
        await Task.WhenAll(tasks);
        var late = Distribution.Of(lateness);
        var figures = new OpenLoopFigures(rate, sent * options.Batch / sending.TotalSeconds, skipped * options.Batch, late.P99, late.Max);
        return (clock.Elapsed, figures);
    }

    private static async Task SendAsync(LoadClient client, MovementBody[] movements, LoadStats stats, long intended, Action done)
    {
        try
        {
            await client.SendAsync(movements, stats, intended);
        }
        finally
        {
            done();
        }
    }
}
