using System.Diagnostics;

namespace Inventory.Benchmark;

/// <summary>Sends at a fixed rate whatever the answers do; each send gets its scheduled time, from which its
/// latency counts (no coordinated omission).</summary>
internal static class OpenLoop
{
    /// <summary>Sends <paramref name="perSecond"/> × <paramref name="duration"/> operations, fewer when
    /// <paramref name="stop"/> is cancelled first; returns when every operation sent has finished.</summary>
    public static async Task<LatencySummary> RunAsync(double perSecond, TimeSpan duration, Func<LatencyRecorder, long, Task> send, CancellationToken stop = default)
    {
        var recorder = new LatencyRecorder();
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        var total = (long)(perSecond * duration.TotalSeconds);
        long sent = 0;
        for (; sent < total && !stop.IsCancellationRequested; sent++)
        {
            var i = sent;
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            inFlight.Add(send(recorder, start + (long)(due.TotalSeconds * Stopwatch.Frequency)));
            if (inFlight.Count > 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight);
        return recorder.Summarise(TimeSpan.FromSeconds(Math.Max(sent, 1) / perSecond));
    }
}
