using System.Diagnostics;
using Inventory.Silo.Management;
using OpenTelemetry.Trace;

namespace Inventory.Integration.Tests.Telemetry;

/// <summary>The silo's root sampler: no trace of its own, except a span that continues a sampled one by a link.</summary>
public sealed class ContinuingSamplerTests
{
    private static readonly ContinuingSampler Sampler = new();

    [Fact]
    public void GivenARootSpanWithoutLinks_ThenDropped() =>
        Assert.Equal(SamplingDecision.Drop, Decide(null));

    [Fact]
    public void GivenARootSpanLinkedToASampledSpan_ThenRecorded() =>
        Assert.Equal(SamplingDecision.RecordAndSample, Decide([Link(ActivityTraceFlags.None), Link(ActivityTraceFlags.Recorded)]));

    [Fact]
    public void GivenARootSpanLinkedOnlyToUnsampledSpans_ThenDropped() =>
        Assert.Equal(SamplingDecision.Drop, Decide([Link(ActivityTraceFlags.None)]));

    private static SamplingDecision Decide(IEnumerable<ActivityLink>? links) =>
        Sampler.ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "project", ActivityKind.Consumer, null, links)).Decision;

    private static ActivityLink Link(ActivityTraceFlags flags) =>
        new(new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), flags, isRemote: true));
}
