using System.Xml.Linq;
using Inventory.Testing;
using YamlDotNet.RepresentationModel;

namespace Inventory.Integration.Tests.Deployment;

/// <summary>The repository's deployment files (deploy/) and the projects' container properties, read as data.</summary>
public static class DeploymentFiles
{
    public static string Root => DotnetProcess.RepositoryRoot();

    /// <summary>Every YAML document of a file under deploy/ (a file may hold several, separated by ---).</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "deploy", relativePath));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    /// <summary>A property of a project file (<c>src/&lt;project&gt;/&lt;project&gt;.csproj</c>), or null.</summary>
    public static string? ProjectProperty(string project, string name) =>
        Project(project).Descendants(name).Select(e => e.Value).FirstOrDefault();

    /// <summary>The <c>Include</c> values of a project's items of one kind (e.g. ContainerPort).</summary>
    public static IReadOnlyList<XElement> ProjectItems(string project, string item) => [.. Project(project).Descendants(item)];

    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping)
            {
                return null;
            }

            // A YAML merge key (<<: *anchor) holds the keys the mapping does not set itself.
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var next)
                && !(mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) && merged.At(key) is { } inherited && (next = inherited) is not null))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

    private static XDocument Project(string project) => XDocument.Load(Path.Combine(Root, "src", project, $"{project}.csproj"));
}
