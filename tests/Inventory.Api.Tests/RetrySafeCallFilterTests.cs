using System.Reflection;
using Inventory.Api.Hosting;
using Inventory.Contracts.Projections;
using Inventory.Contracts.StockItems;
using Inventory.Projections;
using Inventory.StockItems;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Serialization.Invocation;

namespace Inventory.Api.Tests;

public sealed class RetrySafeCallFilterTests
{
    private static readonly MethodInfo Execute = typeof(IStockItemGrain).GetMethod(nameof(IStockItemGrain.ExecuteAsync))!;
    private static readonly MethodInfo Rebuild = typeof(IProjectionAdminGrain).GetMethod(nameof(IProjectionAdminGrain.RebuildAsync))!;
    private static readonly MethodInfo Statuses = typeof(IProjectionAdminGrain).GetMethod(nameof(IProjectionAdminGrain.GetStatusesAsync))!;

    private readonly RetrySafeCallFilter _filter = new(NullLogger<RetrySafeCallFilter>.Instance);

    [Fact]
    public async Task GivenARetrySafeCallTheClusterDidNotDeliver_WhenItIsDeliveredTheSecondTime_ThenTheCallerGetsTheAnswer()
    {
        var call = new ScriptedCall(Execute, new SiloUnavailableException(), null);

        await _filter.Invoke(call);

        Assert.Equal(2, call.Sends);
        Assert.Null(call.Response!.Exception);
    }

    [Fact]
    public async Task GivenAReadMarkedRetrySafe_WhenItsSiloWasShuttingDown_ThenItIsSentAgain()
    {
        var call = new ScriptedCall(Statuses, new SiloUnavailableException(), null);

        await _filter.Invoke(call);

        Assert.Equal(2, call.Sends);
    }

    [Fact]
    public async Task GivenACallWithoutTheMark_WhenTheClusterDidNotDeliverIt_ThenItIsNotSentAgain()
    {
        var call = new ScriptedCall(Rebuild, new SiloUnavailableException(), null);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => _filter.Invoke(call));

        Assert.Equal(1, call.Sends);
    }

    [Fact]
    public async Task GivenARetrySafeCallThatFailedForAnotherReason_WhenInvoked_ThenTheFailureIsAnsweredAtOnce()
    {
        var call = new ScriptedCall(Execute, new StorageUnavailableException("retry later"), null);

        await _filter.Invoke(call);

        Assert.Equal(1, call.Sends);
        Assert.IsType<StorageUnavailableException>(call.Response!.Exception);
    }

    [Fact]
    public async Task GivenTheClusterNeverDelivers_WhenInvoked_ThenItGivesUpAfterItsAttemptsWithinItsBudget()
    {
        var failures = Enumerable.Repeat<Exception?>(new SiloUnavailableException(), 10).ToArray();
        var call = new ScriptedCall(Execute, failures);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<SiloUnavailableException>(() => _filter.Invoke(call));

        Assert.Equal(RetrySafeCallFilter.MaxAttempts, call.Sends);
        Assert.True(clock.Elapsed < RetrySafeCallFilter.Budget + TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    /// <summary>A grain call whose sends fail in turn with the given exceptions (thrown), then succeed (null).</summary>
    private sealed class ScriptedCall(MethodInfo method, params Exception?[] outcomes) : IOutgoingGrainCallContext
    {
        public int Sends { get; private set; }

        public IInvokable Request => throw new NotSupportedException();

        public object Grain => this;

        public MethodInfo InterfaceMethod => method;

        public object? Result { get; set; }

        public Response? Response { get; set; }

        public IGrainContext? SourceContext => null;

        public GrainId? SourceId => null;

        public GrainId TargetId => GrainId.Create("stock-item", "wh/sku");

        public GrainInterfaceType InterfaceType => default;

        public string InterfaceName => method.DeclaringType!.Name;

        public string MethodName => method.Name;

        public Task Invoke()
        {
            var outcome = Sends < outcomes.Length ? outcomes[Sends] : null;
            Sends++;
            if (outcome is SiloUnavailableException)
            {
                throw outcome;
            }

            Response = outcome is null ? Response.FromResult(0) : Response.FromException(outcome);
            return Task.CompletedTask;
        }
    }
}
