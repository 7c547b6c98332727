using Inventory.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Live;

/// <summary>Bounds the live connections open at once per API key (<see cref="LiveOptions.MaxConnectionsPerKey"/>).</summary>
public sealed class LiveConnectionLimiter(IOptions<InventoryApiOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A lease to dispose when the connection ends, or null when the key holds the maximum already.</summary>
    public IDisposable? TryAcquire(string keyName)
    {
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(keyName);
            if (open >= options.Value.Live.MaxConnectionsPerKey)
            {
                return null;
            }

            _open[keyName] = open + 1;
            return new Lease(this, keyName);
        }
    }

    /// <summary>Connections open now for a key (tests, diagnostics).</summary>
    public int OpenFor(string keyName)
    {
        lock (_gate)
        {
            return _open.GetValueOrDefault(keyName);
        }
    }

    private void Release(string keyName)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(keyName, out var open) && open > 1)
            {
                _open[keyName] = open - 1;
            }
            else
            {
                _open.Remove(keyName);
            }
        }
    }

    private sealed class Lease(LiveConnectionLimiter limiter, string keyName) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                limiter.Release(keyName);
            }
        }
    }
}
