namespace Inventory.Api.Tests.Fuzz;

/// <summary>The API the fuzz talks to: the fixture's silo and event store, in front of it an API host of its own whose
/// <c>?minPosition=</c> wait is 50 ms (a random large position must not cost the default 5 s) and whose rate limit is
/// out of the way (the fuzz is about input, not about throttling). It logs warnings and errors only.</summary>
internal static class FuzzHost
{
    public static ApiFactory Create(ApiFixture fixture)
    {
        var settings = TestKeys.Settings();
        settings["Inventory:Api:MinPositionTimeout"] = "00:00:00.050";
        settings["Inventory:Api:RateLimit:PermitLimit"] = "1000000";
        settings["Inventory:Api:Live:PollInterval"] = "00:00:00.100";
        settings["Logging:LogLevel:Default"] = "Warning";
        return new ApiFactory(fixture.Cluster.Client, settings);
    }
}
