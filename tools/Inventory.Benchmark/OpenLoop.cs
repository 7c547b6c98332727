using System.Diagnostics;

namespace Inventory.Benchmark;

/// <summary>Sends at a fixed rate whatever the answers do; each send gets its scheduled time, from which its
/// latency counts (no coordinated omission).</summary>
internal static class OpenLoop
{
    public static async Task<LatencySummary> RunAsync(double perSecond, TimeSpan duration, Func<LatencyRecorder, long, Task> send)
    {
        var recorder = new LatencyRecorder();
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        var total = (long)(perSecond * duration.TotalSeconds);
        for (long i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            inFlight.Add(send(recorder, start + (long)(due.TotalSeconds * Stopwatch.Frequency)));
            if (inFlight.Count > 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight);
        return recorder.Summarise(TimeSpan.FromSeconds(total / perSecond));
    }
}
