using System.Globalization;

namespace Inventory.Testing;

/// <summary>
/// A real API process (<c>dotnet Inventory.Api.dll</c> of this repository's <c>src/Api</c> build, or the one in
/// <c>INVENTORY_API_DLL</c>) in PostgreSQL mode, as deployed: its own Orleans client over ADO.NET clustering, on a
/// loopback port. Killed on <see cref="Dispose"/> whatever happened.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly DotnetProcess _process;

    private ApiProcess(DotnetProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    /// <summary>Starts the API on <paramref name="port"/> (a free one when null) with <paramref name="keys"/> configured
    /// (name, role, SHA-256 of the key) and the rate limit out of the way; <paramref name="settings"/> are more
    /// environment variables.</summary>
    public static ApiProcess Start(string name, string connectionString, string clusterId, string serviceId,
        IReadOnlyList<(string Name, string Role, string Sha256)> keys, int? port = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var listen = port ?? FreePorts.Take(1)[0];
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Inventory"] = connectionString,
            ["Inventory__ClusterId"] = clusterId,
            ["Inventory__ServiceId"] = serviceId,
            ["Inventory__Api__RateLimit__PermitLimit"] = "1000000",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listen}",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        for (var i = 0; i < keys.Count; i++)
        {
            environment[$"Inventory__Api__Keys__{i}__Name"] = keys[i].Name;
            environment[$"Inventory__Api__Keys__{i}__Role"] = keys[i].Role;
            environment[$"Inventory__Api__Keys__{i}__Sha256"] = keys[i].Sha256;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var dll = DotnetProcess.FindBuildOutput("Api", "Inventory.Api.dll", "INVENTORY_API_DLL");
        return new ApiProcess(DotnetProcess.Start(name, dll, environment), listen);
    }

    /// <summary>SIGKILL.</summary>
    public void Kill() => _process.Kill();

    public void Dispose() => _process.Dispose();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"API on port {Port}");
}
