using System.Diagnostics;

namespace Inventory.Benchmark;

/// <summary>Sends at a fixed rate whatever the answers do; each send's latency counts from its scheduled time (no
/// coordinated omission). It counts the sends under way instead of keeping them, so that the harness keeps nothing
/// alive through the silo's young collections.</summary>
internal static class OpenLoop
{
    /// <summary>Sends <paramref name="perSecond"/> × <paramref name="duration"/> operations, fewer when
    /// <paramref name="stop"/> is cancelled first; returns when every operation sent has finished.</summary>
    public static async Task<LatencySummary> RunAsync(double perSecond, TimeSpan duration, Func<LatencyRecorder, long, Task> send, CancellationToken stop = default)
    {
        var recorder = new LatencyRecorder();
        var inFlight = new InFlight();
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

            inFlight.Track(send(recorder, start + (long)(due.TotalSeconds * Stopwatch.Frequency)));
        }

        await inFlight.AllFinishedAsync();
        return recorder.Summarise(TimeSpan.FromSeconds(Math.Max(sent, 1) / perSecond));
    }

    /// <summary>Counts the sends under way; the first send that fails (the sends handle the failures they expect)
    /// fails the loop once every send has finished, as <see cref="Task.WhenAll(IEnumerable{Task})"/> would.</summary>
    private sealed class InFlight
    {
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _count = 1;
        private Exception? _failure;

        public void Track(Task send)
        {
            Interlocked.Increment(ref _count);
            send.ContinueWith(static (task, state) => ((InFlight)state!).Finished(task), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        public Task AllFinishedAsync()
        {
            Finished(Task.CompletedTask);
            return _finished.Task;
        }

        private void Finished(Task send)
        {
            if (send.Exception is { } error)
            {
                Interlocked.CompareExchange(ref _failure, error.InnerException ?? error, null);
            }

            if (Interlocked.Decrement(ref _count) == 0)
            {
                if (_failure is { } failure)
                {
                    _finished.SetException(failure);
                }
                else
                {
                    _finished.SetResult();
                }
            }
        }
    }
}
