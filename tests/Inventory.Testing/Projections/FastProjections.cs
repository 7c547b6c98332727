using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.Testing.Projections;

/// <summary>Read-side settings for test clusters: short periods, so that catch-up, checkpoints, handovers and
/// retries happen within a test's patience.</summary>
public static class FastProjections
{
    public static void Configure(ProjectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CatchUpInterval = TimeSpan.FromMilliseconds(50);
        options.CheckpointInterval = TimeSpan.FromMilliseconds(200);
        options.Handover = TimeSpan.FromMilliseconds(300);
        options.GenerationCacheTtl = TimeSpan.FromMilliseconds(100);
        options.FirstRetryBackoff = TimeSpan.FromMilliseconds(1);
        options.KeeperInterval = TimeSpan.FromMilliseconds(200);
    }
}
