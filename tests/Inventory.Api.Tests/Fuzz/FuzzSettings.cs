using System.Globalization;

namespace Inventory.Api.Tests.Fuzz;

/// <summary>The fuzz run's seed and size. The seed defaults to a fixed value; <c>INVENTORY_FUZZ_SEED</c> replaces it
/// (to replay a failure, or to explore with another one); <c>INVENTORY_FUZZ_REQUESTS</c> changes the budget (for a
/// longer exploration; the default keeps the run to a few seconds).</summary>
internal sealed record FuzzSettings(int Seed, int Requests, int MinPerOperation, TimeSpan RequestTimeout)
{
    public const string SeedVariable = "INVENTORY_FUZZ_SEED";
    public const string RequestsVariable = "INVENTORY_FUZZ_REQUESTS";
    public const int DefaultSeed = 20_260_131;
    public const int DefaultRequests = 3_000;

    public static FuzzSettings FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        var seed = string.IsNullOrWhiteSpace(text) ? DefaultSeed : int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var requests = Environment.GetEnvironmentVariable(RequestsVariable) is { Length: > 0 } count
            ? Math.Clamp(int.Parse(count, NumberStyles.Integer, CultureInfo.InvariantCulture), 1, 100_000)
            : DefaultRequests;
        return new FuzzSettings(seed, requests, MinPerOperation: Math.Min(50, requests / 60), RequestTimeout: TimeSpan.FromSeconds(10));
    }
}
