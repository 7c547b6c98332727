using Inventory.Contracts.Projections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inventory.Projections;

/// <summary>
/// Runs in every silo: pokes every projection's coordinator every <see cref="ProjectionOptions.KeeperInterval"/>, so
/// that a coordinator lost with its silo comes back on a surviving one without waiting for a read or an event.
/// </summary>
public sealed partial class ProjectionKeeper(
    IGrainFactory grains,
    ProjectionCatalog catalog,
    IOptions<ProjectionOptions> options,
    ILogger<ProjectionKeeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeeperInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var definition in catalog.All)
            {
                try
                {
                    await grains.GetGrain<IProjectionCoordinatorGrain>(definition.Name).EnsureRunningAsync().WaitAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogNotReached(logger, ex, definition.Name);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projection {Projection}: coordinator not reached; trying again at the next tick")]
    private static partial void LogNotReached(ILogger logger, Exception error, string projection);
}
