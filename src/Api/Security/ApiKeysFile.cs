using Inventory.Api.Hosting;

namespace Inventory.Api.Security;

/// <summary>Adds <see cref="InventoryApiOptions.KeysFile"/> to the configuration, reloaded on change, after every other
/// source (its keys win over those of appsettings.json and the environment).</summary>
public static class ApiKeysFile
{
    public const string Setting = InventoryApiOptions.Section + ":" + nameof(InventoryApiOptions.KeysFile);

    public static WebApplicationBuilder AddApiKeysFile(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration[Setting] is { Length: > 0 } file)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: true);
        }

        return builder;
    }
}
