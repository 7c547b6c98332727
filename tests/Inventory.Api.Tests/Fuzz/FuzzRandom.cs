namespace Inventory.Api.Tests.Fuzz;

/// <summary>The run's only source of chance: everything a run sends follows from its seed.</summary>
internal sealed class FuzzRandom(int seed)
{
    private const string Characters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly Random _random = new(seed);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public int Int(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    public void Shuffle<T>(T[] values) => _random.Shuffle(values);

    public string Alphanumeric(int length) => string.Create(length, _random, static (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Characters[random.Next(Characters.Length)];
        }
    });

    public Guid Guid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        bytes[0] |= 1; // never all zeros
        return new Guid(bytes);
    }
}
