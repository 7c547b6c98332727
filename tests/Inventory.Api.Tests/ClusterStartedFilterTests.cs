using Inventory.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Tests;

public sealed class ClusterStartedFilterTests
{
    [Fact]
    public async Task GivenClientStillConnecting_WhenGrainEndpointCalled_Then503WithRetryAfterAndEndpointNotRun()
    {
        var lifetime = new Lifetime();
        var filter = new ClusterStartedFilter(lifetime, Options.Create(new InventoryApiOptions()));
        var http = new DefaultHttpContext();
        var ran = false;

        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ =>
        {
            ran = true;
            return ValueTask.FromResult<object?>("ran");
        });

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(503, problem.StatusCode);
        Assert.Equal("cluster-unavailable", problem.ProblemDetails.Extensions["code"]);
        Assert.Equal("2", http.Response.Headers.RetryAfter.ToString());
        Assert.False(ran);

        lifetime.Start();
        Assert.Equal("ran", await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => ValueTask.FromResult<object?>("ran")));
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _started = new();

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => _started.Cancel();

        public void StopApplication()
        {
        }
    }
}
