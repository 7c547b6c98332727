using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>The latest figures of the projections whose coordinators run in this silo, for the observable gauges.</summary>
public sealed class ProjectionStatusBoard
{
    private readonly ConcurrentDictionary<string, ProjectionStatus> _statuses = new(StringComparer.Ordinal);

    public void Post(ProjectionStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _statuses[status.Name] = status;
    }

    /// <summary>Forgets a projection whose coordinator left this silo (another silo reports it now).</summary>
    public void Remove(string projection) => _statuses.TryRemove(projection, out _);

    public IEnumerable<Measurement<T>> Measure<T>(Func<ProjectionStatus, T> figure)
        where T : struct =>
        _statuses.Values.Select(s => new Measurement<T>(figure(s), new KeyValuePair<string, object?>("projection", s.Name))).ToList();
}
