using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Inventory.Processes;
using Microsoft.Extensions.Options;

namespace Inventory.Transfers;

/// <summary>
/// The transfers' gauges (meter <see cref="MeterName"/>), per silo: transfers in transit and those overdue
/// (<see cref="ProcessOptions.TransferOverdueAfter"/> after their dispatch). Each open transfer's grain reports itself
/// here after every run, and its reminder wakes it every <see cref="ProcessOptions.ResumeInterval"/>, so an open transfer
/// is always counted by the one silo it lives on: the cluster's figure is the sum over silos.
/// </summary>
public sealed class TransferMetrics
{
    public const string MeterName = "Inventory.Transfers";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _inTransit = new(StringComparer.Ordinal);

    public TransferMetrics(IMeterFactory meterFactory, IOptions<ProcessOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(options);
        var overdueAfter = options.Value.TransferOverdueAfter;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("inventory.transfers.in_transit", () => _inTransit.Count, "{transfer}", "Transfers with units in transit, on this silo.");
        meter.CreateObservableGauge("inventory.transfers.overdue", () => Overdue(time.GetUtcNow() - overdueAfter), "{transfer}",
            "Transfers with units in transit longer than the configured limit after their dispatch, on this silo.");
    }

    /// <summary>The transfer is in transit since <paramref name="dispatchedAt"/>, or (null) not in transit.</summary>
    public void Report(string transferId, DateTimeOffset? dispatchedAt)
    {
        if (dispatchedAt is { } at)
        {
            _inTransit[transferId] = at;
        }
        else
        {
            _inTransit.TryRemove(transferId, out _);
        }
    }

    public int Overdue(DateTimeOffset dispatchedBefore) => _inTransit.Values.Count(at => at < dispatchedBefore);
}
