using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Inventory.Integration.Tests.Infrastructure;
using Inventory.Testing;
using Xunit.Abstractions;

namespace Inventory.Integration.Tests.Drills;

/// <summary>
/// The system as deployed, on the drills' own PostgreSQL: silo processes in PostgreSQL mode and the API process with
/// its own Orleans client (ADO.NET clustering), keys configured, on a real port. Everything is killed on dispose and
/// the processes' last lines go to the test output.
/// </summary>
public sealed class DrillSystem : IAsyncDisposable
{
    public static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);
    private const string ServiceId = "inventory-drills";
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly ITestOutputHelper _output;
    private readonly string _scannerKey = NewKey();
    private readonly string _operatorKey = NewKey();
    private readonly List<SiloProcess> _silos = [];
    private readonly List<ApiProcess> _apis = [];

    private DrillSystem(string connectionString, ITestOutputHelper output)
    {
        ConnectionString = connectionString;
        _output = output;
        Scanner = Client(_scannerKey);
        Operator = Client(_operatorKey);
    }

    public string ConnectionString { get; }

    public string ClusterId { get; } = $"drill-{Guid.NewGuid():N}";

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public ApiProcess Api => _apis[^1];

    /// <summary>Sends the scanner key; its base address survives an API restart (same port).</summary>
    public HttpClient Scanner { get; }

    /// <summary>Sends the operator key (reads items, views, cluster).</summary>
    public HttpClient Operator { get; }

    /// <summary>A new database on <paramref name="postgres"/>, <paramref name="silos"/> silos and the API, all ready.</summary>
    public static async Task<DrillSystem> StartAsync(DrillPostgres postgres, ITestOutputHelper output, int silos)
    {
        var system = new DrillSystem(await postgres.CreateDatabaseAsync(), output);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                system.StartSilo();
            }

            await Task.WhenAll(system._silos.Select(s => WaitReadyAsync(new Uri(s.ManagementAddress, "/health/ready"), $"{s.Name} is ready", () => s.HasExited)));
            await system.StartApiAsync(port: null);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public SiloProcess StartSilo()
    {
        var silo = SiloProcess.Start($"silo-{(char)('a' + _silos.Count)}", ConnectionString, ClusterId, ServiceId);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>The silo whose stock items applied the most movements so far: the one hosting most of the drill's items
    /// (where Orleans placed a dozen items is its choice; a fault on a silo that hosts none of them disrupts nothing).</summary>
    public async Task<SiloProcess> BusiestSiloAsync()
    {
        var applied = await Task.WhenAll(_silos.Select(async silo =>
            SiloMetrics.AppliedMovements(await Probe.GetStringAsync(new Uri(silo.ManagementAddress, "/metrics")))));
        return _silos[Array.IndexOf(applied, applied.Max())];
    }

    /// <summary>SIGKILL of the API, then a new API process on the same port; returns once it is ready.</summary>
    public async Task<TimeSpan> RestartApiAsync()
    {
        var clock = Stopwatch.StartNew();
        Api.Kill();
        await StartApiAsync(Api.Port);
        return clock.Elapsed;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200; fails after <see cref="StartBound"/> or when the
    /// process has exited.</summary>
    public static Task<TimeSpan> WaitReadyAsync(Uri url, string what, Func<bool> exited) =>
        Wait.UntilAsync(async () =>
        {
            Assert.False(exited(), $"The process exited before {what}.");
            return await StatusOfAsync(url) == HttpStatusCode.OK;
        }, StartBound, what);

    /// <summary>The status <paramref name="url"/> answers now, or null when nothing answers.</summary>
    public static async Task<HttpStatusCode?> StatusOfAsync(Uri url)
    {
        try
        {
            using var response = await Probe.GetAsync(url);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in _apis)
        {
            api.Dispose();
            _output.WriteLine($"--- {api}, last lines:{Environment.NewLine}{Tail(api.Output)}");
        }

        foreach (var silo in _silos)
        {
            silo.Dispose();
            _output.WriteLine($"--- {silo.Name} (silo port {silo.SiloPort}, gateway {silo.GatewayPort}), last lines:{Environment.NewLine}{Tail(silo.Output)}");
        }

        Scanner.Dispose();
        Operator.Dispose();
        await Task.CompletedTask;
    }

    private async Task StartApiAsync(int? port)
    {
        var api = ApiProcess.Start($"api-{_apis.Count + 1}", ConnectionString, ClusterId, ServiceId,
            [("drill-scanner", "scanner", Sha256(_scannerKey)), ("drill-operator", "operator", Sha256(_operatorKey))], port);
        _apis.Add(api);
        var ready = await WaitReadyAsync(new Uri(api.BaseAddress, "/health/ready"), $"{api} is ready", () => api.HasExited);
        _output.WriteLine($"{api} ready after {ready.TotalSeconds:0.0} s");
        Scanner.BaseAddress ??= api.BaseAddress;
        Operator.BaseAddress ??= api.BaseAddress;
    }

    private static HttpClient Client(string key)
    {
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Tail(string output) => string.Join(Environment.NewLine, output.Split(Environment.NewLine).TakeLast(80));
}
