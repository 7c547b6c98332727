using System.Net;
using Inventory.Api.Security;
using Microsoft.Extensions.Options;
using static Inventory.Api.Tests.Http;

namespace Inventory.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class RateLimitAndStartupTests(ApiFixture fixture)
{
    [Fact]
    public async Task GivenTinyLimit_WhenAKeyExceedsIt_Then429WithRetryAfterAndOtherKeysUnaffected()
    {
        var settings = TestKeys.Settings();
        settings["Inventory:Api:RateLimit:PermitLimit"] = "2";
        settings["Inventory:Api:RateLimit:Window"] = "00:01:00";
        settings["Inventory:Api:Keys:1:PermitLimit"] = "5";
        await using var factory = new ApiFactory(fixture.Cluster.Client, settings);
        using var scanner = factory.WithKey(TestKeys.Scanner);
        using var dashboard = factory.WithKey(TestKeys.Dashboard);
        var item = TestItem.New();

        var first = await scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));
        var second = await scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));
        var third = await scanner.PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));
        var dashboardStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            dashboardStatuses.Add((await dashboard.GetAsync(item.Url)).StatusCode);
        }

        var live = await factory.WithKey(TestKeys.Scanner).GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await third.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(2, (await fixture.HistoryAsync(item)).Count);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], dashboardStatuses);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public void GivenPostgresModeWithoutKeys_WhenStarting_ThenTheApiRefuses()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Inventory"] = "Host=127.0.0.1;Port=1;Database=none" };
        using var factory = new ApiFactory(fixture.Cluster.Client, settings);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains(validation.Failures, f => f.Contains("Inventory:Api:Keys", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Role", "admin", "Role")]
    [InlineData("Sha256", "abc", "Sha256")]
    [InlineData("Name", "", "Name")]
    [InlineData("Name", "ops\tann", "Name")]
    public void GivenInvalidKeyConfiguration_WhenStarting_ThenTheApiRefuses(string member, string value, string expected)
    {
        var settings = TestKeys.Settings();
        settings[$"Inventory:Api:Keys:0:{member}"] = value;
        using var factory = new ApiFactory(fixture.Cluster.Client, settings);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains(validation.Failures, f => f.Contains($"Keys:0:{expected}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenEmbeddedModeWithoutKeys_WhenStarting_ThenDevelopmentKeysAreGeneratedWrittenAndUsable()
    {
        var file = Path.Combine(Path.GetTempPath(), $"inventory-keys-{Guid.NewGuid():N}.txt");
        try
        {
            await using var factory = new ApiFactory(fixture.Cluster.Client, new Dictionary<string, string?> { ["Inventory:Api:DevelopmentKeysFile"] = file });
            using var none = factory.WithKey(null);
            Assert.Equal(HttpStatusCode.OK, (await none.GetAsync("/health/live")).StatusCode);

            var lines = await File.ReadAllLinesAsync(file);
            string KeyOf(string role) => lines.Single(l => l.TrimStart().StartsWith(role + " ", StringComparison.Ordinal)).Split(' ')[^1];
            var item = TestItem.New();
            var posted = await factory.WithKey(KeyOf("scanner")).PostJsonAsync("/api/v1/movements", Movement(item, "receive", 1));
            var read = await factory.WithKey(KeyOf("dashboard")).GetAsync(item.Url);
            var cluster = await factory.WithKey(KeyOf("operator")).GetAsync("/api/v1/admin/cluster");
            var forbidden = await factory.WithKey(KeyOf("dashboard")).GetAsync("/api/v1/admin/cluster");

            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(HttpStatusCode.OK, cluster.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void GivenConfiguredHashes_WhenLookingUpKeys_ThenOnlyExactKeysMatch()
    {
        var options = Options.Create(new Hosting.InventoryApiOptions
        {
            Keys =
            [
                new ApiKeyOptions { Name = "a", Role = ApiRoles.Scanner, Sha256 = TestKeys.Sha256("key-a").ToUpperInvariant() },
                new ApiKeyOptions { Name = "b", Role = ApiRoles.Operator, Sha256 = TestKeys.Sha256("key-b"), PermitLimit = 7 },
            ],
        });
        var store = new ApiKeyStore(options, DevelopmentKeys.Generate());

        Assert.Equal(2, store.Count);
        Assert.Equal("a", store.Find("key-a")?.Name);
        Assert.Equal(ApiRoles.Operator, store.Find("key-b")?.Role);
        Assert.Null(store.Find("key-c"));
        Assert.Null(store.Find("KEY-A"));
        Assert.Equal(7, store.ByName("b")?.PermitLimit);
    }
}
