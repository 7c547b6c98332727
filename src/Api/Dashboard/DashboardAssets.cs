using System.Security.Cryptography;

namespace Inventory.Api.Dashboard;

/// <summary>The dashboard page's files, embedded in the API assembly (<c>Dashboard/Assets/*</c>), so the API serves them
/// itself whatever its working directory: no CDN, no external fonts, nothing from another origin. Chart.js and its licence
/// are embedded the same way, from the npm package the build vendors (<c>Dashboard/ChartJs.targets</c>).</summary>
public sealed class DashboardAssets
{
    private const string Prefix = "Inventory.Api.Dashboard.Assets.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        // Licences (Markdown): shown as text by browsers.
        [".md"] = "text/plain; charset=utf-8",
    };

    private readonly Dictionary<string, DashboardAsset> _assets = new(StringComparer.Ordinal);

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            _assets[name] = new DashboardAsset(bytes, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        }
    }

    /// <summary>The file named <paramref name="name"/> (e.g. <c>index.html</c>), or null.</summary>
    public DashboardAsset? Find(string name) => _assets.GetValueOrDefault(name);

    /// <summary>The names of every file (tests).</summary>
    public IReadOnlyCollection<string> Names => _assets.Keys;
}
