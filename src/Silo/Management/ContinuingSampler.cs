using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Inventory.Silo.Management;

/// <summary>The silo's root sampler (under <see cref="ParentBasedSampler"/>, which follows a parent whenever there is one):
/// the silo never starts a trace of its own. A span without a parent is recorded only when it links to a sampled span,
/// that is when it continues traced work at another time (a projection applying a traced event read back from the
/// store). Its background work (catch-up polls, checkpoints, timers, the stream queues' polling, membership) would
/// otherwise be tens of root spans a second that lead to no request.</summary>
public sealed class ContinuingSampler : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.Links is { } links)
        {
            foreach (var link in links)
            {
                if (link.Context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded))
                {
                    return new SamplingResult(SamplingDecision.RecordAndSample);
                }
            }
        }

        return new SamplingResult(SamplingDecision.Drop);
    }
}
