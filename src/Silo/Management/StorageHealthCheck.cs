using Inventory.Contracts.Health;
using Inventory.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inventory.Silo.Management;

/// <summary>Ready while the silo reaches its storage (<see cref="IStorageProbe"/>) within <see cref="StorageHealth.CheckTimeout"/>.</summary>
public sealed class StorageHealthCheck(IStorageProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageHealth.CheckTimeout);
        var health = await probe.CheckAsync(timeout.Token);
        return health.Reachable ? HealthCheckResult.Healthy(health.Description) : HealthCheckResult.Unhealthy(health.Description);
    }
}
