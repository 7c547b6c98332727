using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Api.Tests;

/// <summary>The API in memory, its own Orleans client switched off and <paramref name="grains"/> injected instead;
/// <paramref name="configure"/> adds to the host (logging, services), after everything else.</summary>
public sealed class ApiFactory(IGrainFactory grains, IReadOnlyDictionary<string, string?> settings, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Inventory:Api:UseOrleansClient", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(grains);
            if (grains is IClusterClient client)
            {
                services.AddSingleton(client);
            }
        });
        configure?.Invoke(builder);
    }
}
