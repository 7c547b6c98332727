using Inventory.Contracts.StockItems;
using Inventory.Hosting;
using Inventory.StockItems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inventory.Grains.Tests;

public sealed class StockItemOptionsTests
{
    [Theory]
    [InlineData("SnapshotInterval", "0")]
    [InlineData("CommitTimeout", "00:00:00")]
    [InlineData("MaxConflictRetries", "-1")]
    public void GivenInvalidSetting_WhenTheOptionsAreRead_ThenTheyAreRefusedWithTheSection(string setting, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new($"Inventory:StockItems:{setting}", value)]);
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddInventoryGrains());
        using var host = builder.Build();

        // ValidateOnStart runs the same validation when the host starts; reading the options runs it without a silo.
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<StockItemOptions>>().Value);

        Assert.Contains("Inventory:StockItems", error.Message, StringComparison.Ordinal);
    }
}
