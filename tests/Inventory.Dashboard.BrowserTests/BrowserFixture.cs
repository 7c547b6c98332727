using System.Net;
using Inventory.Api.Tests;
using Inventory.Contracts.Projections;
using Inventory.Hosting;
using Inventory.Processes;
using Inventory.Projections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans.Dashboard;
using Orleans.TestingHost;

namespace Inventory.Dashboard.BrowserTests;

/// <summary>An in-process silo (in-memory store, read side on short intervals, transfers overdue after
/// <see cref="TransferOverdueAfter"/>), the API on a real Kestrel port on loopback in front of it, and headless Chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Short, so that a test sees a transfer become overdue (the views compare it with the time of the read).</summary>
    public static readonly TimeSpan TransferOverdueAfter = TimeSpan.FromSeconds(3);

    private IPlaywright? _playwright;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The API's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddInventoryGrains();
            silo.UseInMemoryReminderService();
            silo.AddDashboard();
            silo.AddMemoryGrainStorage(ProviderNames.GrainStorage);
            silo.Services.Configure<ProjectionOptions>(o =>
            {
                o.CatchUpInterval = TimeSpan.FromMilliseconds(50);
                o.GenerationCacheTtl = TimeSpan.FromMilliseconds(100);
                o.KeeperInterval = TimeSpan.FromMilliseconds(200);
            });
            silo.Services.Configure<ProcessOptions>(o => o.TransferOverdueAfter = TransferOverdueAfter);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Inventory:Api:UseOrleansClient", "false");
            foreach (var (key, value) in TestKeys.Settings())
            {
                web.UseSetting(key, value);
            }

            web.UseSetting("Inventory:Api:Live:PollInterval", "00:00:00.200");
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<IGrainFactory>(Cluster.Client);
                services.AddSingleton(Cluster.Client);
            });
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        Factory = factory;
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SystemChromium.Path(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>An HTTP client of the real server with <paramref name="key"/> as X-Api-Key.</summary>
    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
