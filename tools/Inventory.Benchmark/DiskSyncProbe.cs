using System.Diagnostics;

namespace Inventory.Benchmark;

/// <summary>
/// The disk's own commit latency, as a baseline for write latency percentiles: rewrites an 8 KiB block and syncs it
/// to disk (fsync) in a loop, as PostgreSQL's WAL flush does at every commit, and reports the distribution and how
/// often a sync stalls.
/// </summary>
internal static class DiskSyncProbe
{
    private static readonly TimeSpan Stall = TimeSpan.FromMilliseconds(20);

    public static string Run(TimeSpan duration, string directory)
    {
        var path = Path.Combine(directory, $"inventory-sync-probe-{Environment.ProcessId}.dat");
        var recorder = new LatencyRecorder();
        var block = new byte[8192];
        var stalls = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                file.Position = i % 1024 * 8192L;
                file.Write(block);
                var started = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                var elapsed = Stopwatch.GetElapsedTime(started);
                recorder.Record(elapsed);
                stalls += elapsed >= Stall ? 1 : 0;
            }
        }
        finally
        {
            File.Delete(path);
        }

        return $"{recorder.Spread()}; syncs over {Stall.TotalMilliseconds:N0} ms: {stalls} ({stalls / clock.Elapsed.TotalSeconds:N1}/s)";
    }
}
