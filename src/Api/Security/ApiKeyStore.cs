using System.Security.Cryptography;
using System.Text;
using Inventory.Api.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Inventory.Api.Security;

/// <summary>
/// The keys the API accepts: the configured ones, or in embedded mode without any, the generated
/// <see cref="DevelopmentKeys"/>. A presented key is hashed and compared with every stored hash in constant time.
/// Follows configuration reloads (<c>appsettings.json</c>, <see cref="InventoryApiOptions.KeysFile"/>): a reloaded
/// <c>Inventory:Api</c> that passes <see cref="ApiKeyOptionsValidator"/> replaces the keys at once (a removed key is
/// refused from the next request on); one that does not is refused, the previous keys stay and the errors are logged.
/// Logs carry key names only, never keys or hashes.
/// </summary>
public sealed partial class ApiKeyStore : IDisposable
{
    private readonly DevelopmentKeys _development;
    private readonly IOptionsFactory<InventoryApiOptions>? _factory;
    private readonly ILogger _logger;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _reloading = new();
    private volatile KeySet _keys;

    /// <summary>Fixed keys: those of <paramref name="options"/>, never reloaded.</summary>
    public ApiKeyStore(IOptions<InventoryApiOptions> options, DevelopmentKeys development)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(development);
        _development = development;
        _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _keys = Build(options.Value);
    }

    /// <summary>Keys that follow the configuration: rebuilt with <paramref name="factory"/> (binding and validation)
    /// whenever one of <paramref name="sources"/> signals a change.</summary>
    [ActivatorUtilitiesConstructor]
    public ApiKeyStore(
        IOptionsFactory<InventoryApiOptions> factory,
        IEnumerable<IOptionsChangeTokenSource<InventoryApiOptions>> sources,
        DevelopmentKeys development,
        ILogger<ApiKeyStore> logger)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(development);
        _factory = factory;
        _development = development;
        _logger = logger;
        _keys = Build(factory.Create(Options.DefaultName));
        foreach (var source in sources.Where(s => s.Name is null || s.Name == Options.DefaultName))
        {
            _subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, Reload));
        }
    }

    /// <summary>How many keys are usable.</summary>
    public int Count => _keys.All.Count;

    /// <summary>The key whose hash matches, or null; an expired key is returned too (see <see cref="ApiKey.IsExpired"/>).
    /// Looks at every stored hash whatever matches, in constant time each.</summary>
    public ApiKey? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var hash = Hash(presented);
        ApiKey? found = null;
        foreach (var key in _keys.All)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Sha256))
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>The key named <paramref name="name"/> now, for its rate limit and its sessions.</summary>
    public ApiKey? ByName(string name) => _keys.ByName.GetValueOrDefault(name);

    /// <summary>SHA-256 of the UTF-8 bytes of a key.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void Reload()
    {
        lock (_reloading)
        {
            KeySet next;
            try
            {
                next = Build(_factory!.Create(Options.DefaultName));
            }
            catch (OptionsValidationException e)
            {
                LogReloadRefused(_logger, string.Join(" ", e.Failures), string.Join(", ", _keys.ByName.Keys.Order(StringComparer.Ordinal)));
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                LogReloadFailed(_logger, e.Message, string.Join(", ", _keys.ByName.Keys.Order(StringComparer.Ordinal)));
                return;
            }

            var previous = _keys;
            _keys = next;
            var added = next.ByName.Keys.Where(n => !previous.ByName.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
            var removed = previous.ByName.Keys.Where(n => !next.ByName.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
            var changed = next.ByName.Values.Where(k => previous.ByName.TryGetValue(k.Name, out var old) && !Same(old, k)).Select(k => k.Name).Order(StringComparer.Ordinal).ToList();
            if (added.Count + removed.Count + changed.Count > 0)
            {
                LogReloaded(_logger, next.All.Count, string.Join(", ", added), string.Join(", ", removed), string.Join(", ", changed));
            }
        }
    }

    private KeySet Build(InventoryApiOptions options)
    {
        var configured = options.Keys;
        IReadOnlyList<ApiKey> keys = configured.Count > 0
            ? [.. configured.Select(k => new ApiKey(k.Name!, k.Role!, Convert.FromHexString(k.Sha256!), k.PermitLimit, [.. k.Warehouses], k.ExpiresAt, k.ScopeReads))]
            : [.. _development.Keys.Select(k => new ApiKey(k.Name, k.Role, Hash(k.Key), null, []))];
        return new KeySet(keys, keys.ToDictionary(k => k.Name, StringComparer.Ordinal));
    }

    private static bool Same(ApiKey a, ApiKey b) =>
        a.Role == b.Role && a.Sha256.AsSpan().SequenceEqual(b.Sha256) && a.PermitLimit == b.PermitLimit && a.ExpiresAt == b.ExpiresAt
        && a.ScopeReads == b.ScopeReads && a.Warehouses.SequenceEqual(b.Warehouses, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "API keys reloaded: {Count} keys; added: {Added}; removed: {Removed}; changed: {Changed}")]
    private static partial void LogReloaded(ILogger logger, int count, string added, string removed, string changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloaded API keys refused, the previous keys ({Kept}) stay: {Errors}")]
    private static partial void LogReloadRefused(ILogger logger, string errors, string kept);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloaded API keys could not be read ({Error}), the previous keys ({Kept}) stay")]
    private static partial void LogReloadFailed(ILogger logger, string error, string kept);

    private sealed record KeySet(IReadOnlyList<ApiKey> All, IReadOnlyDictionary<string, ApiKey> ByName);
}
