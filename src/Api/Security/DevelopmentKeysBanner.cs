using System.Text;
using Inventory.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Security;

/// <summary>At start, in embedded mode with generated keys: prints them and how to use them (and writes them to
/// <see cref="InventoryApiOptions.DevelopmentKeysFile"/> when set).</summary>
public sealed partial class DevelopmentKeysBanner(DevelopmentKeys keys, IOptions<InventoryApiOptions> options, ILogger<DevelopmentKeysBanner> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Keys.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        text.AppendLine("Development API keys (embedded mode, generated at start; configure Inventory:Api:Keys to use your own):");
        foreach (var key in keys.Keys)
        {
            text.AppendLine($"  {key.Role,-9} X-Api-Key: {key.Key}");
        }

        var scanner = keys.Keys.First(k => k.Role == ApiRoles.Scanner).Key;
        text.Append($"  e.g. curl -H 'X-Api-Key: {scanner}' -H 'Content-Type: application/json' -d '{{\"movementId\":\"<uuid>\",\"warehouseId\":\"wh-1\",\"sku\":\"sku-1\",\"type\":\"receive\",\"quantity\":5}}' <api-url>/api/v1/movements");
        LogKeys(logger, text.ToString());
        if (options.Value.DevelopmentKeysFile is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, text.ToString() + Environment.NewLine, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Keys}")]
    private static partial void LogKeys(ILogger logger, string keys);
}
