using Inventory.Api.Hosting;
using Inventory.Silo;
using Inventory.Silo.Management;
using YamlDotNet.RepresentationModel;

namespace Inventory.Integration.Tests.Deployment;

/// <summary>
/// The container images cannot be built or run here (no registry reachable, no container engine): what can be checked is
/// that the deployment files parse and agree with the code: image names, ports, probe paths, and that every setting they
/// pass names a setting the silo or the API really reads.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly string[] Kubernetes = ["kubernetes/rbac.yaml", "kubernetes/silo.yaml", "kubernetes/api.yaml", "kubernetes/secret.example.yaml"];

    [Fact]
    public void GivenTheProjects_ThenTheirContainerImagesAreNamedRunAsNonRootAndOpenTheirPorts()
    {
        Assert.Equal("inventory-silo", DeploymentFiles.ProjectProperty("Silo", "ContainerRepository"));
        Assert.Equal("inventory-api", DeploymentFiles.ProjectProperty("Api", "ContainerRepository"));
        Assert.Equal("app", DeploymentFiles.ProjectProperty("Silo", "ContainerUser"));
        Assert.Equal("app", DeploymentFiles.ProjectProperty("Api", "ContainerUser"));
        var defaults = new InventorySiloOptions();
        Assert.Equal(
            new[] { defaults.SiloPort, defaults.GatewayPort, defaults.ManagementPort }.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            DeploymentFiles.ProjectItems("Silo", "ContainerPort").Select(p => (string)p.Attribute("Include")!).Order());
        Assert.Equal("8080", (string)Assert.Single(DeploymentFiles.ProjectItems("Api", "ContainerPort")).Attribute("Include")!);
    }

    [Fact]
    public void GivenTheComposeFile_ThenItParsesAndAgreesWithTheCode()
    {
        var compose = Assert.Single(DeploymentFiles.Documents("compose.yaml"));
        var services = (YamlMappingNode)compose.At("services")!;
        var silos = services.Children.Where(s => s.Value.At("image").Text() == "inventory-silo:latest").Select(s => s.Value).ToList();
        Assert.Equal(2, silos.Count);
        foreach (var silo in silos)
        {
            AssertSiloSettings(Environment(silo.At("environment")));
            var probe = silo.At("healthcheck", "test").Items().Select(i => i.Text()).ToList();
            Assert.Equal(["CMD", "dotnet", "Inventory.Silo.dll", Probe.Argument], probe.Take(4));
            Assert.EndsWith($":{new InventorySiloOptions().ManagementPort}/health/ready", probe[4], StringComparison.Ordinal);
        }

        var api = services.At("api")!;
        Assert.Equal("inventory-api:latest", api.At("image").Text());
        AssertApiSettings(Environment(api.At("environment")));
        Assert.Equal("8080:8080", Assert.Single(api.At("ports").Items()).Text());

        var alerts = Assert.Single(DeploymentFiles.Documents("alerts.yml")).At("groups").Items().SelectMany(g => g.At("rules").Items()).ToList();
        Assert.Equal(6, alerts.Count);
        Assert.All(alerts, rule => Assert.False(string.IsNullOrWhiteSpace(rule.At("expr").Text())));

        var prometheus = Assert.Single(DeploymentFiles.Documents("prometheus.yml"));
        var targets = prometheus.At("scrape_configs").Items().Single().At("static_configs").Items().Single().At("targets").Items().Select(t => t.Text()).ToList();
        Assert.All(targets, t => Assert.EndsWith($":{new InventorySiloOptions().ManagementPort}", t, StringComparison.Ordinal));
    }

    [Fact]
    public void GivenTheKubernetesManifests_ThenTheyParseAndAgreeWithTheCode()
    {
        var documents = Kubernetes.SelectMany(DeploymentFiles.Documents).ToList();
        Assert.All(documents, d => Assert.NotNull(d.At("kind").Text()));

        var silo = Container(documents, "inventory-silo");
        Assert.Equal("inventory-silo:latest", silo.At("image").Text());
        var siloEnvironment = Environment(silo.At("env"));
        AssertSiloSettings(siloEnvironment);
        Assert.Contains(SiloHostingExtensions.KubernetesPodName, siloEnvironment.Keys);
        var management = silo.At("ports").Items().Single(p => p.At("name").Text() == "management");
        Assert.Equal(new InventorySiloOptions().ManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture), management.At("containerPort").Text());
        AssertProbes(silo, "management");

        var api = Container(documents, "inventory-api");
        Assert.Equal("inventory-api:latest", api.At("image").Text());
        AssertApiSettings(Environment(api.At("env")));
        AssertProbes(api, "http");

        var secret = documents.Single(d => d.At("kind").Text() == "Secret");
        var secretKeys = ((YamlMappingNode)secret.At("stringData")!).Children.Keys.Select(k => k.Text()).ToHashSet();
        var referenced = new[] { silo, api }.SelectMany(c => c.At("env").Items()).Select(e => e.At("valueFrom", "secretKeyRef", "key").Text()).OfType<string>();
        Assert.All(referenced, key => Assert.Contains(key, secretKeys));
    }

    private static void AssertSiloSettings(IReadOnlyDictionary<string, string?> environment)
    {
        Assert.Contains($"ConnectionStrings__{SiloHostingExtensions.ConnectionStringName}", environment.Keys);
        foreach (var name in environment.Keys.Where(k => k.StartsWith(InventorySiloOptions.Section + "__", StringComparison.Ordinal)))
        {
            Assert.True(SettingPaths.Exists(typeof(InventorySiloOptions), name.Split("__").Skip(1)), $"The silo reads no setting {name}.");
        }
    }

    private static void AssertApiSettings(IReadOnlyDictionary<string, string?> environment)
    {
        Assert.Contains($"ConnectionStrings__{ApiHostingExtensions.ConnectionStringName}", environment.Keys);
        Assert.Contains(environment.Keys, k => k.EndsWith("__Sha256", StringComparison.Ordinal));
        foreach (var name in environment.Keys.Where(k => k.StartsWith(InventoryClusterOptions.Section + "__", StringComparison.Ordinal)))
        {
            var segments = name.Split("__").Skip(1).ToList();
            var known = segments[0] == "Api"
                ? SettingPaths.Exists(typeof(InventoryApiOptions), segments.Skip(1))
                : SettingPaths.Exists(typeof(InventoryClusterOptions), segments);
            Assert.True(known, $"The API reads no setting {name}.");
        }
    }

    private static void AssertProbes(YamlNode container, string port)
    {
        Assert.Equal(("/health/ready", port), (container.At("readinessProbe", "httpGet", "path").Text(), container.At("readinessProbe", "httpGet", "port").Text()));
        Assert.Equal(("/health/live", port), (container.At("livenessProbe", "httpGet", "path").Text(), container.At("livenessProbe", "httpGet", "port").Text()));
    }

    private static YamlNode Container(IEnumerable<YamlMappingNode> documents, string deployment) =>
        documents.Single(d => d.At("kind").Text() == "Deployment" && d.At("metadata", "name").Text() == deployment)
            .At("spec", "template", "spec", "containers").Items().Single();

    /// <summary>Environment variables as compose (a mapping) or Kubernetes (a list of name/value) writes them.</summary>
    private static Dictionary<string, string?> Environment(YamlNode? node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(e => e.Key.Text()!, e => e.Value.Text()),
        YamlSequenceNode list => list.Children.ToDictionary(e => e.At("name").Text()!, e => e.At("value").Text()),
        _ => throw new InvalidOperationException("No environment."),
    };
}
