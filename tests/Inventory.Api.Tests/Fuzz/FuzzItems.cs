namespace Inventory.Api.Tests.Fuzz;

/// <summary>The few stock items and reservations that valid requests share, so that later movements meet the stock
/// that earlier ones left (and the grain's rules, not just validation, answer); and now and then a new item.</summary>
internal sealed class FuzzItems
{
    private readonly FuzzRandom _random;
    private readonly string[] _warehouses;
    private readonly string[] _skus;

    public FuzzItems(FuzzRandom random)
    {
        _random = random;
        _warehouses = [.. Enumerable.Range(0, 2).Select(_ => "fz-" + random.Alphanumeric(6))];
        _skus = [.. Enumerable.Range(0, 4).Select(_ => "fz-" + random.Alphanumeric(8))];
    }

    public IReadOnlyList<string> Reservations { get; } = ["r-1", "r-2", "r-3"];

    /// <summary>A few order ids, so that picks and releases meet orders that earlier requests reserved.</summary>
    public IReadOnlyList<string> Orders { get; } = ["fz-o-1", "fz-o-2", "fz-o-3"];

    public string Order() => _random.Chance(0.1) ? "fz-o-" + _random.Alphanumeric(_random.Int(1, 20)) : _random.Pick(Orders);

    public string Warehouse() => _random.Chance(0.1) ? "fz-" + _random.Alphanumeric(_random.Int(1, 20)) : _random.Pick(_warehouses);

    public string Sku() => _random.Chance(0.1) ? "fz-" + _random.Alphanumeric(_random.Int(1, 20)) : _random.Pick(_skus);
}
