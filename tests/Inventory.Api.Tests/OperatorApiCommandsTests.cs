using System.CommandLine;
using System.Text.Json.Nodes;
using Inventory.Cli;
using Inventory.Contracts.Projections;
using Inventory.Testing.Projections;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

/// <summary>The operator tool's commands through the API, run in-process against the test API: <c>projections rebuild</c>
/// and <c>dead-letters list|retry</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class OperatorApiCommandsTests(ApiFixture fixture)
{
    private readonly HttpClient _scanner = fixture.Client(TestKeys.Scanner);

    [Fact]
    public async Task GivenAProjection_WhenRebuiltWithWait_ThenTheNewGenerationServesWhenTheToolReturns()
    {
        await NoRebuildOfPoisonableAsync();
        var before = await StatusAsync("poisonable");

        var run = await RunAsync(TestKeys.Operator, "projections", "rebuild", "poisonable", "--wait", "--poll-interval", "00:00:00.050");

        Assert.Equal(OperatorCommands.Ok, run.Exit);
        var after = await StatusAsync("poisonable");
        Assert.Null(after["rebuild"]);
        Assert.True((int)after["generation"]! > (int)before["generation"]!);
        Assert.Contains($"poisonable: generation {after["generation"]} rebuilt and serving", run.Output, StringComparison.Ordinal);
        Assert.Contains("rebuild poisonable: ", run.Progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenNoWait_WhenRebuilding_ThenTheStartedRebuildIsPrinted()
    {
        await NoRebuildOfPoisonableAsync();

        var run = await RunAsync(TestKeys.Operator, "projections", "rebuild", "poisonable", "--json");

        Assert.Equal(OperatorCommands.Ok, run.Exit);
        var status = JsonNode.Parse(run.Output)!;
        Assert.Equal("poisonable", (string?)status["name"]);
        Assert.NotNull(status["rebuild"]!["generation"]);
        await NoRebuildOfPoisonableAsync();
    }

    [Fact]
    public async Task GivenAnUnknownProjectionOrNoOperatorKey_WhenRebuilding_ThenRefused()
    {
        Assert.Null(Environment.GetEnvironmentVariable(OperatorCommands.KeyVariable)); // "no key" means none in the environment either
        var unknown = await RunAsync(TestKeys.Operator, "projections", "rebuild", "nope");
        var dashboard = await RunAsync(TestKeys.Dashboard, "projections", "rebuild", "skus");
        var noKey = await RunAsync(null, "projections", "rebuild", "skus");

        Assert.Equal(OperatorCommands.Refused, unknown.Exit);
        Assert.Contains("There is no projection 'nope'", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Refused, dashboard.Exit);
        Assert.Contains("projections rebuild needs an operator key", dashboard.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Refused, noKey.Exit);
        Assert.Contains("Give an operator key", noKey.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAPoisonEvent_WhenListedAndRetried_ThenStillFailingThenRedrivenThenAlreadyRedriven()
    {
        await NoRebuildOfPoisonableAsync();
        var item = TestItem.New();
        var poison = Guid.NewGuid();
        PoisonableView.Poisoned[poison] = true;
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1, movementId: poison));
        var id = await EventuallyAsync(async () =>
        {
            var run = await RunAsync(TestKeys.Operator, "dead-letters", "list", "--projection", "poisonable", "--json");
            Assert.Equal(OperatorCommands.Ok, run.Exit);
            return JsonNode.Parse(run.Output)!.AsArray().SingleOrDefault(l => (string?)l!["streamId"] == item.Key) is { } letter ? (long?)letter["id"] : null;
        });
        var listed = await RunAsync(TestKeys.Operator, "dead-letters", "list", "--projection", "poisonable");

        var failing = await RunAsync(TestKeys.Operator, "dead-letters", "retry", $"{id}");
        PoisonableView.Poisoned.TryRemove(poison, out _);
        var redriven = await RunAsync(TestKeys.Operator, "dead-letters", "retry", $"{id}");
        var again = await RunAsync(TestKeys.Operator, "dead-letters", "retry", $"{id}");
        var open = await RunAsync(TestKeys.Operator, "dead-letters", "list", "--projection", "poisonable", "--json");
        var all = await RunAsync(TestKeys.Operator, "dead-letters", "list", "--projection", "poisonable", "--all", "--json");

        Assert.Contains($"{item.Key} v1  position ", listed.Output, StringComparison.Ordinal);
        Assert.Contains("stock-received", listed.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Findings, failing.Exit);
        Assert.Contains($"dead letter {id}: still-failing", failing.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Ok, redriven.Exit);
        Assert.Contains($"dead letter {id}: redriven", redriven.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Ok, again.Exit);
        Assert.Contains($"dead letter {id}: already-redriven", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonNode.Parse(open.Output)!.AsArray(), l => (long)l!["id"]! == id);
        Assert.NotNull((string?)JsonNode.Parse(all.Output)!.AsArray().Single(l => (long)l!["id"]! == id)!["redrivenAt"]);
    }

    [Fact]
    public async Task GivenOpenLetters_WhenRetryingAll_ThenRefusedWithoutYes_AndEachIsRetriedWithIt()
    {
        await NoRebuildOfPoisonableAsync();
        var item = TestItem.New();
        var poison = Guid.NewGuid();
        PoisonableView.Poisoned[poison] = true;
        await _scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1, movementId: poison));
        var id = await EventuallyAsync(async () =>
            (await fixture.DeadLetters.ListAsync("poisonable", true, 0, 1000)).SingleOrDefault(l => l.StreamId == item.Key)?.Id);
        PoisonableView.Poisoned.TryRemove(poison, out _);

        var refused = await RunAsync(TestKeys.Operator, "dead-letters", "retry", "--all", "--projection", "poisonable");
        var stillOpen = (await fixture.DeadLetters.ListAsync("poisonable", true, 0, 1000)).Any(l => l.Id == id);
        var run = await RunAsync(TestKeys.Operator, "dead-letters", "retry", "--all", "--projection", "poisonable", "--yes", "--json");

        Assert.Equal(OperatorCommands.Refused, refused.Exit);
        Assert.Contains("refused without --yes", refused.Output, StringComparison.Ordinal);
        Assert.True(stillOpen);
        Assert.Equal(OperatorCommands.Ok, run.Exit);
        Assert.Equal("redriven", (string?)JsonNode.Parse(run.Output)!.AsArray().Single(o => (long)o!["id"]! == id)!["outcome"]);
        Assert.DoesNotContain(await fixture.DeadLetters.ListAsync("poisonable", true, 0, 1000), l => l.Id == id);
    }

    [Fact]
    public async Task GivenMoreLettersThanAPage_WhenListed_ThenEveryPageIsFollowed()
    {
        var projection = $"cli-{Guid.NewGuid():N}"[..12];
        foreach (var _ in Enumerable.Range(0, 5))
        {
            await fixture.DeadLetters.ParkAsync(new DeadLetter(0, projection, "p", Guid.NewGuid(), "wh/sku", 1, 1, "stock-received", "test", 1, DateTimeOffset.UtcNow, null));
        }

        var run = await RunAsync(TestKeys.Operator, "dead-letters", "list", "--projection", projection, "--page-size", "2");

        Assert.Equal(OperatorCommands.Ok, run.Exit);
        Assert.Equal(5, run.Output.Split('\n').Count(l => l.Contains(projection, StringComparison.Ordinal)));
        Assert.Contains("5 dead letters", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenRecordedOperatorActions_WhenAuditListed_ThenEveryPageIsFollowedOldestFirst_AndADashboardKeyIsRefused()
    {
        var names = Enumerable.Range(0, 3).Select(i => $"audit-{i}-{Guid.NewGuid():N}"[..20]).ToList();
        foreach (var name in names)
        {
            await fixture.Client(TestKeys.Operator).PostAsync($"/api/v1/admin/projections/{name}/rebuild", null);
        }

        var run = await RunAsync(TestKeys.Operator, "audit", "list", "--page-size", "2");
        var refused = await RunAsync(TestKeys.Dashboard, "audit", "list");

        Assert.Equal(OperatorCommands.Ok, run.Exit);
        var lines = run.Output.Split('\n');
        var found = names.Select(n => Array.FindIndex(lines, l => l.Contains(n, StringComparison.Ordinal))).ToList();
        Assert.All(found, index => Assert.True(index >= 0));
        Assert.Equal(found.Order(), found);
        Assert.Contains("operator-1", lines[found[0]], StringComparison.Ordinal);
        Assert.Contains("projection.rebuild", lines[found[0]], StringComparison.Ordinal);
        Assert.Contains("refused 404 projection-not-found", lines[found[0]], StringComparison.Ordinal);
        Assert.Matches(@"\d+ operator actions", run.Output);
        Assert.Equal(OperatorCommands.Refused, refused.Exit);
    }

    [Fact]
    public async Task GivenAnUnknownLetterOrNoIdOrNoApi_WhenRetrying_ThenRefusedOrUnreachable()
    {
        var unknown = await RunAsync(TestKeys.Operator, "dead-letters", "retry", $"{long.MaxValue}");
        var neither = await RunAsync(TestKeys.Operator, "dead-letters", "retry");
        var unreachable = await OperatorTool(new OperatorContext(new StringWriter(), TextWriter.Null), "dead-letters", "list", "--api", "http://127.0.0.1:1", "--key", "k");

        Assert.Equal(OperatorCommands.Refused, unknown.Exit);
        Assert.Contains($"dead letter {long.MaxValue}: not-found", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(OperatorCommands.Refused, neither.Exit);
        Assert.Equal(OperatorCommands.Unreachable, unreachable.Exit);
        Assert.Contains("The API did not answer", unreachable.Output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Progress)> RunAsync(string? key, params string[] args)
    {
        var context = new OperatorContext(new StringWriter(), new StringWriter()) { CreateApiClient = (_, given) => fixture.Client(given) };
        return await OperatorTool(context, key is null ? args : [.. args, "--key", key]);
    }

    private static async Task<(int Exit, string Output, string Progress)> OperatorTool(OperatorContext context, params string[] args)
    {
        var exit = await OperatorCommands.Create(context).Parse(args).InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Output });
        return (exit, context.Output.ToString()!, context.Progress.ToString()!);
    }

    private async Task<JsonObject> StatusAsync(string name)
    {
        var projections = (await (await fixture.Client(TestKeys.Operator).GetAsync("/api/v1/admin/projections")).ReadObjectAsync())["projections"]!.AsArray();
        return projections.Single(p => (string?)p!["name"] == name)!.AsObject();
    }

    /// <summary>A rebuild of the poisonable projection would replay poison events (and park them again): let any finish first.</summary>
    private Task<bool> NoRebuildOfPoisonableAsync() => EventuallyAsync(async () => (await StatusAsync("poisonable"))["rebuild"] is null ? (bool?)true : null);

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read)
        where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "Not reached within 15 s.");
            await Task.Delay(50);
        }
    }
}
