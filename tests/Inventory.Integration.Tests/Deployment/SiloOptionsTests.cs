using System.Net;
using Inventory.Silo;

namespace Inventory.Integration.Tests.Deployment;

public sealed class SiloOptionsTests
{
    private readonly InventorySiloOptionsValidator _validator = new();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("auto")]
    [InlineData("AUTO")]
    public void GivenAnAddressOrAuto_WhenValidated_ThenAccepted(string address) =>
        Assert.True(_validator.Validate(null, new InventorySiloOptions { AdvertisedIPAddress = address }).Succeeded);

    [Fact]
    public void GivenEveryMistakeAtOnce_WhenValidated_ThenEachIsNamed()
    {
        var result = _validator.Validate(null, new InventorySiloOptions
        {
            AdvertisedIPAddress = "somewhere",
            ManagementAddress = "anywhere",
            ManagementPort = 11111,
        });

        Assert.True(result.Failed);
        Assert.Contains("AdvertisedIPAddress", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ManagementAddress", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("must differ", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnAddress_WhenResolved_ThenThatAddress() =>
        Assert.Equal(IPAddress.Parse("10.1.2.3"), AdvertisedAddress.Resolve("10.1.2.3"));
}
