using System.Diagnostics;

namespace Inventory.Benchmark;

/// <summary>
/// The disk's own commit latency: rewrites an 8 KiB block and syncs it to disk (fsync) over and over on a thread of
/// its own, as PostgreSQL's WAL flush does at every commit, and keeps the distribution and every sync that stalled.
/// Alone (<see cref="Run"/>, back to back) it is the floor under any commit's latency; beside a load (a sync every
/// 10 ms or so) it tells when the disk itself stalled, so that the load's slow answers can be set against it. The file
/// lies in the directory given, which should be on the database server's disk.
/// </summary>
internal sealed class DiskSyncProbe : IDisposable
{
    private const int Blocks = 1024;
    private static readonly TimeSpan Stall = TimeSpan.FromMilliseconds(20);

    private readonly string _path;
    private readonly TimeSpan _interval;
    private readonly LatencyRecorder _recorder = new();
    private readonly List<(long At, TimeSpan Length)> _stalls = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile string? _failure;
    private int _disposed;

    /// <summary>Starts syncing: one sync, then a pause of <paramref name="interval"/> (none: back to back).</summary>
    public DiskSyncProbe(string directory, TimeSpan interval)
    {
        _path = Path.Combine(directory, $"inventory-sync-probe-{Environment.ProcessId}-{Guid.NewGuid():N}.dat");
        _interval = interval;
        _thread = new Thread(Sync) { IsBackground = true, Name = "disk sync probe" };
        _thread.Start();
    }

    /// <summary>The syncs of at least 20 ms so far: when each began (a <see cref="Stopwatch"/> timestamp) and how long it took.</summary>
    public IReadOnlyList<(long At, TimeSpan Length)> Stalls
    {
        get
        {
            lock (_stalls)
            {
                return [.. _stalls];
            }
        }
    }

    /// <summary>Syncs back to back for <paramref name="duration"/> and describes them.</summary>
    public static string Run(TimeSpan duration, string directory)
    {
        using var probe = new DiskSyncProbe(directory, TimeSpan.Zero);
        Thread.Sleep(duration);
        return probe.Summarise();
    }

    /// <summary>Stops syncing and describes the syncs: their spread, and how many stalled.</summary>
    public string Summarise()
    {
        Dispose();
        var stalls = Stalls;
        var longest = stalls.OrderByDescending(s => s.Length).Take(3).Select(s => $"{s.Length.TotalMilliseconds:N0} ms");
        return $"{_recorder.Spread()}; syncs over {Stall.TotalMilliseconds:N0} ms: {stalls.Count} ({stalls.Count / _clock.Elapsed.TotalSeconds:N1}/s)"
            + (stalls.Count == 0 ? "" : $", longest {string.Join(", ", longest)}")
            + (_failure is { } failure ? $"; STOPPED EARLY: {failure}" : "");
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping = true;
            _thread.Join();
            _clock.Stop();
        }
    }

    private void Sync()
    {
        var block = new byte[8192];
        try
        {
            using var file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);

            // Written whole first, as PostgreSQL's WAL segments are: a sync then has only data to flush, no file growth.
            for (var i = 0; i < Blocks; i++)
            {
                file.Write(block);
            }

            file.Flush(flushToDisk: true);
            for (var i = 0; !_stopping; i++)
            {
                file.Position = i % Blocks * (long)block.Length;
                file.Write(block);
                var started = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                var elapsed = Stopwatch.GetElapsedTime(started);
                _recorder.Record(elapsed);
                if (elapsed >= Stall)
                {
                    lock (_stalls)
                    {
                        _stalls.Add((started, elapsed));
                    }
                }

                if (_interval > TimeSpan.Zero)
                {
                    Thread.Sleep(_interval);
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _failure = error.Message;
        }
        finally
        {
            File.Delete(_path);
        }
    }
}
