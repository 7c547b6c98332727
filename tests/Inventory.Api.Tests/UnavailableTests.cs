using System.Net;
using Inventory.Api.Problems;
using Inventory.Contracts.StockItems;
using Inventory.StockItems;
using Inventory.Testing;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class UnavailableTests(ApiFixture fixture)
{
    [Fact]
    public async Task GivenEventStoreUnreachable_WhenPostingMovement_Then503StorageUnavailableWithRetryAfter()
    {
        var item = TestItem.New();
        using var scanner = fixture.Client(TestKeys.Scanner);
        await scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));
        var movement = Movement(item, "receive", 2);
        fixture.Store.Inject(item.Key, FaultInjectingEventStore.Fault.Unreachable);
        HttpResponseMessage response;
        try
        {
            response = await scanner.PostJsonAsync("/api/v1/movements", movement);
        }
        finally
        {
            fixture.Store.Heal(item.Key);
        }

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("Injected", problem.ToJsonString(), StringComparison.Ordinal);

        var retry = await scanner.PostJsonAsync("/api/v1/movements", movement);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(2, (await fixture.HistoryAsync(item)).Count);
    }

    [Fact]
    public async Task GivenEventStoreUnreachable_WhenActivatingItem_Then503()
    {
        var item = TestItem.New();
        using var scanner = fixture.Client(TestKeys.Scanner);
        fixture.Store.Inject(item.Key, FaultInjectingEventStore.Fault.Unreachable);
        try
        {
            var response = await scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));

            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        }
        finally
        {
            fixture.Store.Heal(item.Key);
        }
    }

    public static TheoryData<string> ClusterFailures() => ["silo", "connection", "timeout", "socket", "gateway-busy"];

    [Theory]
    [MemberData(nameof(ClusterFailures))]
    public async Task GivenUnreachableCluster_WhenCallingAnyGrainEndpoint_Then503ClusterUnavailable(string failure)
    {
        Func<Exception> error = failure switch
        {
            "silo" => () => new SiloUnavailableException(),
            "connection" => () => new ConnectionFailedException("refused"),
            "timeout" => () => new TimeoutException("timed out"),
            "socket" => () => new System.Net.Sockets.SocketException(111),
            _ => () => new GatewayTooBusyException(),
        };
        await using var factory = new ApiFactory(ThrowingGrainFactory.Create(error), TestKeys.Settings());
        var item = TestItem.New();

        var movement = await factory.WithKey(TestKeys.Scanner).PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));
        var read = await factory.WithKey(TestKeys.Dashboard).GetAsync(item.Url);
        var cluster = await factory.WithKey(TestKeys.Operator).GetAsync("/api/v1/admin/cluster");

        await movement.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "cluster-unavailable");
        Assert.NotNull(movement.Headers.RetryAfter);
        await read.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "cluster-unavailable");
        await cluster.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "cluster-unavailable");
    }

    [Fact]
    public async Task GivenUnreachableCluster_WhenProbing_ThenLiveButNotReady()
    {
        await using var factory = new ApiFactory(ThrowingGrainFactory.Create(() => new SiloUnavailableException()), TestKeys.Settings());
        using var client = factory.WithKey(null);

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var problem = await ready.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "not-ready");
        Assert.Equal("Unhealthy", (string?)problem["checks"]!["cluster"]!["status"]);
    }

    [Fact]
    public async Task GivenUnexpectedGrainFailure_WhenPosting_Then500WithoutInternals()
    {
        await using var factory = new ApiFactory(ThrowingGrainFactory.Create(() => new InvalidOperationException("secret internal detail")), TestKeys.Settings());

        var response = await factory.WithKey(TestKeys.Scanner).PostJsonAsync("/api/v1/movements", Movement(TestItem.New(), "receive", 1));

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal-error");
        Assert.DoesNotContain("secret", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenWrappedUnavailability_WhenClassified_ThenFoundInside()
    {
        Assert.Equal(ProblemCodes.StorageUnavailable, UnavailableExceptions.Classify(new AggregateException(new StorageUnavailableException())));
        Assert.Equal(ProblemCodes.ClusterUnavailable, UnavailableExceptions.Classify(new OrleansException("x", new IOException())));
        Assert.Null(UnavailableExceptions.Classify(new InvalidOperationException()));
    }

    [Fact]
    public void GivenDatabaseExceptionOfATypeTheApiDoesNotKnow_WhenClassified_ThenStorageUnavailable()
    {
        Assert.Equal(ProblemCodes.StorageUnavailable, UnavailableExceptions.Classify(
            new CodecNotFoundException("Could not find a codec for type Npgsql.PostgresException.")));
        Assert.Null(UnavailableExceptions.Classify(new CodecNotFoundException("Could not find a codec for type Inventory.SomethingElse.")));
    }

    [Fact]
    public void GivenACallThatTimedOut_WhenClassified_ThenClusterUnavailable()
    {
        Assert.Equal(ProblemCodes.ClusterUnavailable, UnavailableExceptions.Classify(new TimeoutException()));
        Assert.Equal(ProblemCodes.ClusterUnavailable, UnavailableExceptions.Classify(new TaskCanceledException()));
    }
}
