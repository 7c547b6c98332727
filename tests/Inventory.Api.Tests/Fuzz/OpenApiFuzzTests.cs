using Xunit.Abstractions;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>
/// A seeded, bounded fuzz of every operation in the API's own OpenAPI document: requests made from each operation's
/// parameters and body schema (valid ones, valid ones with one thing wrong, and chaos), sent one at a time. No answer
/// may be a 5xx; every non-2xx answer is a problem with a code; no refused request and no GET writes to the event log.
/// A failure prints the seed: run again with <c>INVENTORY_FUZZ_SEED</c> set to it to replay the same requests.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiFuzzTests(ApiFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task GivenTheOpenApiDocument_WhenEveryOperationIsFuzzed_ThenNo5xxEveryRefusalIsAProblemAndNoRefusalWrites()
    {
        var settings = FuzzSettings.FromEnvironment();
        output.WriteLine($"Seed {settings.Seed} (replay with {FuzzSettings.SeedVariable}={settings.Seed}); {settings.Requests} requests, the key probes included.");
        await using var host = FuzzHost.Create(fixture);
        using var client = host.CreateClient();
        var operations = OpenApiOperations.Read(await client.GetStringAsync("/openapi/v1.json"));
        Assert.NotEmpty(operations);

        var runner = new FuzzRunner(client, fixture.Store, settings, operations);
        var started = TimeProvider.System.GetTimestamp();
        await runner.RunAsync();

        output.WriteLine($"{operations.Count} operations, {runner.Tally.Requests} requests in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s:");
        output.WriteLine(runner.Tally.Summary(operations, runner.Allowed));
        Assert.True(runner.FailureCount == 0,
            $"Seed {settings.Seed}: {runner.FailureCount} of {runner.Tally.Requests} requests broke a promise:{Environment.NewLine}{runner.Failures}");
        Assert.All(operations, o => Assert.True(runner.Tally.Count(o) >= settings.MinPerOperation,
            $"{o.Name} was sent {runner.Tally.Count(o)} requests, fewer than {settings.MinPerOperation}: raise the budget."));
        Assert.All(operations, o => Assert.True(runner.Tally.PastTheGate(o) >= runner.Tally.Count(o) / 2,
            $"{o.Name}: only {runner.Tally.PastTheGate(o)} of {runner.Tally.Count(o)} requests got past the keys: no role's key was taken?"));
    }
}
