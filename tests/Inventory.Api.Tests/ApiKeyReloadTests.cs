using System.Net;
using System.Text.Json;
using Inventory.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inventory.Api.Tests;

/// <summary>Keys in a watched keys file (<c>Inventory:Api:KeysFile</c>) are added, revoked and changed on a running
/// API within seconds; an invalid file is refused (the previous keys stay, the error names keys, never hashes); expired
/// keys and the operator sessions of revoked keys are refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiKeyReloadTests(ApiFixture fixture) : IDisposable
{
    private const string OperatorKey = "reload-operator-key-0123456789";
    private const string DashboardKey = "reload-dashboard-key-0123456789";
    private const string NewKey = "reload-new-key-0123456789";
    private static readonly TimeSpan ReloadDeadline = TimeSpan.FromSeconds(10);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"inventory-keys-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task GivenAKeysFile_WhenAKeyIsAddedAndAnotherRemoved_ThenTheNewOneIsAcceptedAndTheRemovedOneRefusedWithoutARestart()
    {
        Write(Key("operator-1", "operator", OperatorKey), Key("dashboard-1", "dashboard", DashboardKey));
        await using var factory = Start();
        using var dashboard = factory.WithKey(DashboardKey);
        using var added = factory.WithKey(NewKey);
        Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync("/api/v1/overview")).StatusCode);
        await (await added.GetAsync("/api/v1/overview")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        Write(Key("operator-1", "operator", OperatorKey), Key("dashboard-2", "dashboard", NewKey));
        await EventuallyAsync(async () => (await added.GetAsync("/api/v1/overview")).StatusCode == HttpStatusCode.OK);

        await (await dashboard.GetAsync("/api/v1/overview")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await factory.WithKey(OperatorKey).GetAsync("/api/v1/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task GivenARunningApi_WhenTheKeysFileBecomesInvalid_ThenItIsRefused_ThePreviousKeysStay_AndTheErrorNamesNoHash()
    {
        Write(Key("operator-1", "operator", OperatorKey), Key("dashboard-1", "dashboard", DashboardKey));
        var logs = new CapturingLoggerProvider();
        await using var factory = Start(logs: logs);
        using var dashboard = factory.WithKey(DashboardKey);
        Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync("/api/v1/overview")).StatusCode);

        Write(Key("operator-1", "operator", OperatorKey), Key("operator-1", "dashboard", NewKey), Key("broken", "admin", DashboardKey));
        await EventuallyAsync(() => Task.FromResult(logs.Messages.Any(m => m.Message.StartsWith("Reloaded API keys refused", StringComparison.Ordinal))));

        Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync("/api/v1/overview")).StatusCode);
        await (await factory.WithKey(NewKey).GetAsync("/api/v1/overview")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var error = logs.Messages.Single(m => m.Message.StartsWith("Reloaded API keys refused", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("'operator-1' is used by another key", error.Message, StringComparison.Ordinal);
        Assert.Contains("Role must be one of", error.Message, StringComparison.Ordinal);
        Assert.Contains("dashboard-1, operator-1", error.Message, StringComparison.Ordinal);
        foreach (var secret in new[] { OperatorKey, DashboardKey, NewKey })
        {
            Assert.DoesNotContain(logs.Messages, m => m.Message.Contains(secret, StringComparison.Ordinal)
                || m.Message.Contains(TestKeys.Sha256(secret), StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task GivenAKeyWithAnExpiry_WhenTheClockPassesIt_ThenTheKeyIsRefusedAsExpired()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var expires = clock.GetUtcNow().AddHours(1);
        Write(Key("operator-1", "operator", OperatorKey), Key("dashboard-1", "dashboard", DashboardKey, expires));
        await using var factory = Start(clock);
        using var dashboard = factory.WithKey(DashboardKey);

        var before = await dashboard.GetAsync("/api/v1/overview");
        clock.Advance(TimeSpan.FromHours(1));
        var after = await dashboard.GetAsync("/api/v1/overview");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var problem = await after.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("The API key has expired.", (string?)problem["title"]);
        Assert.Equal(HttpStatusCode.OK, (await factory.WithKey(OperatorKey).GetAsync("/api/v1/overview")).StatusCode);
    }

    [Fact]
    public async Task GivenAnOperatorSession_WhenItsKeyIsRevoked_ThenTheSessionIsRefused()
    {
        Write(Key("operator-1", "operator", OperatorKey), Key("operator-2", "operator", NewKey));
        await using var factory = Start();
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        using var open = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/cluster-dashboard/session");
        open.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, NewKey);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(open)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/operator/cluster/")).StatusCode);

        Write(Key("operator-1", "operator", OperatorKey));
        await EventuallyAsync(async () => (await factory.WithKey(NewKey).GetAsync("/api/v1/overview")).StatusCode == HttpStatusCode.Unauthorized);

        await (await client.GetAsync("/operator/cluster/")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private ApiFactory Start(TimeProvider? clock = null, CapturingLoggerProvider? logs = null) =>
        new(fixture.Cluster.Client, new Dictionary<string, string?> { [ApiKeysFile.Setting] = _file }, builder =>
        {
            builder.ConfigureLogging(l => l.AddProvider(logs ?? new CapturingLoggerProvider()));
            builder.ConfigureTestServices(services => services.AddSingleton(clock ?? TimeProvider.System));
        });

    private static Dictionary<string, object?> Key(string name, string role, string key, DateTimeOffset? expiresAt = null)
    {
        var entry = new Dictionary<string, object?> { ["Name"] = name, ["Role"] = role, ["Sha256"] = TestKeys.Sha256(key) };
        if (expiresAt is { } at)
        {
            entry["ExpiresAt"] = at;
        }

        return entry;
    }

    /// <summary>Replaces the keys file in one step (write aside, then rename), as an operator's deployment should.</summary>
    private void Write(params Dictionary<string, object?>[] keys)
    {
        var aside = _file + ".new";
        File.WriteAllText(aside, JsonSerializer.Serialize(new { Inventory = new { Api = new { Keys = keys } } }));
        File.Move(aside, _file, overwrite: true);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + ReloadDeadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not reached within {ReloadDeadline.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}
