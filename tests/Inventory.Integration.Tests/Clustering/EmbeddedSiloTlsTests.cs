using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using Inventory.ClusterSecurity;
using Inventory.Contracts.StockItems;
using Inventory.Silo;
using Inventory.StockItems;
using Inventory.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inventory.Integration.Tests.Clustering;

/// <summary>The embedded silo (no connection string), in this process: its silo and gateway ports listen on 127.0.0.1
/// only, and with <c>Inventory:Cluster:Tls</c> set its gateway serves a client presenting the cluster's certificate.</summary>
public sealed class EmbeddedSiloTlsTests : IDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _directory = TestCertificates.TemporaryDirectory();

    [Fact]
    public async Task GivenTheEmbeddedModeWithTls_ThenItsPortsListenOnLoopbackOnlyAndAClientWithTheCertificateIsServed()
    {
        var ports = FreePorts.Take(3);
        var certificate = TestCertificates.WritePfx(TestCertificates.SelfSigned("inventory-dev"), _directory.FullName, "cluster.pfx");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inventory:SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Inventory:GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Inventory:ManagementPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
            ["Inventory:Cluster:Tls:CertificatePath"] = certificate,
            ["Inventory:Cluster:Tls:CertificatePassword"] = TestCertificates.Password,
        });
        builder.AddInventorySilo();
        using var silo = builder.Build();
        using (var timeout = new CancellationTokenSource(StartBound))
        {
            await silo.StartAsync(timeout.Token);
        }

        try
        {
            var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners()
                .Where(endpoint => endpoint.Port == ports[0] || endpoint.Port == ports[1]).ToList();
            Assert.Equal(new[] { ports[0], ports[1] }.Order(), listeners.Select(endpoint => endpoint.Port).Order());
            Assert.All(listeners, endpoint => Assert.Equal(IPAddress.Loopback, endpoint.Address));

            var tls = new ClusterTlsOptions { CertificatePath = certificate, CertificatePassword = TestCertificates.Password };
            var clientBuilder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering(ports[1], "inventory", "inventory").UseInventoryTls(tls));
            using var client = clientBuilder.Build();
            using (var timeout = new CancellationTokenSource(StartBound))
            {
                await client.StartAsync(timeout.Token);
            }

            var grains = client.Services.GetRequiredService<IClusterClient>();
            var result = await grains.GetGrain<IStockItemGrain>(StockItemKey.Create("wh-embedded", "sku-1").ToString())
                .ExecuteAsync(new ReceiveStock { MovementId = Guid.NewGuid(), Quantity = 3 }).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(result.Accepted, result.Rejection?.ToString());
            await client.StopAsync(CancellationToken.None);
        }
        finally
        {
            await silo.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
