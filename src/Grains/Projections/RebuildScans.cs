using System.Diagnostics;
using Inventory.EventStore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inventory.Projections;

/// <summary>
/// The silo's scans of the log for rebuilds (<see cref="LogScan"/>). Rebuilds that start within
/// <see cref="ProjectionOptions.RebuildJoinWindow"/> of each other in this silo share one scan, so that rebuilding
/// every projection reads the log once; a rebuild that starts later waits for the next scan (it needs the log from its
/// start, which a running scan is past).
/// </summary>
public sealed partial class RebuildScans(IEventLog log, IOptions<ProjectionOptions> options, ILogger<RebuildScans> logger)
{
    private readonly Lock _gate = new();
    private List<GenerationImage>? _forming;

    /// <summary>Has <paramref name="image"/> built by the next scan; its <see cref="GenerationImage.Completion"/> says
    /// when it is.</summary>
    public void Join(GenerationImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        lock (_gate)
        {
            if (_forming is null)
            {
                var scan = _forming = [];
                _ = Task.Run(() => RunAsync(scan));
            }

            _forming.Add(image);
        }
    }

    private async Task RunAsync(List<GenerationImage> forming)
    {
        await Task.Delay(options.Value.RebuildJoinWindow).ConfigureAwait(false);
        GenerationImage[] images;
        lock (_gate)
        {
            images = [.. forming];
            _forming = null;
        }

        LogScanning(logger, images.Length, string.Join(", ", images.Select(i => i.Projection)), options.Value.RebuildPageSize);
        var scan = new LogScan(log, options.Value.RebuildPageSize);
        var started = Stopwatch.GetTimestamp();
        await scan.RunAsync(images).ConfigureAwait(false);
        var figures = scan.Figures(Stopwatch.GetElapsedTime(started));
        LogScanned(logger, figures.Events, figures.Pages, figures.Elapsed.TotalSeconds, figures.Reading.TotalSeconds, figures.Mapping.TotalSeconds, figures.Applying.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading the log once for {Count} rebuilding projections ({Projections}), {PageSize} events a page")]
    private static partial void LogScanning(ILogger logger, int count, string projections, int pageSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the log once: {Events} events in {Pages} pages in {Seconds:F1} s; busy reading {Reading:F1} s, mapping and deserializing {Mapping:F1} s, applying {Applying:F1} s")]
    private static partial void LogScanned(ILogger logger, long events, long pages, double seconds, double reading, double mapping, double applying);
}
