using Inventory.Contracts.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inventory.Api.Health;

/// <summary>Ready when the silo this API talks to reaches its storage: the API asks the cluster, and never opens a
/// database connection of its own.</summary>
public sealed class StorageHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var health = await grains.GetGrain<IStorageHealthGrain>(0).CheckAsync().WaitAsync(ClusterHealthCheck.Timeout, cancellationToken);
            return health.Reachable ? HealthCheckResult.Healthy(health.Description) : HealthCheckResult.Unhealthy(health.Description);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.");
        }
    }
}
