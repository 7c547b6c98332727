using System.Globalization;

namespace Inventory.LoadGenerator;

/// <summary>Relative weights of the movement types scanners send (e.g. <c>receive=45,pick=35,reserve=6</c>).</summary>
internal sealed record MovementMix(IReadOnlyList<(string Type, int Weight)> Weights)
{
    public const string Default = "receive=45,pick=35,reserve=6,release=6,adjust=4,count=4";

    private static readonly string[] Types = ["receive", "pick", "reserve", "release", "adjust", "count"];

    private int Total { get; } = Weights.Sum(w => w.Weight);

    public static MovementMix Parse(string text)
    {
        var weights = new List<(string, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !Types.Contains(pair[0]) || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            {
                throw new ArgumentException($"--mix: '{part}' is not type=weight with a type of {string.Join(", ", Types)}.");
            }

            weights.Add((pair[0], weight));
        }

        if (weights.Sum(w => w.Item2) <= 0)
        {
            throw new ArgumentException("--mix: the weights must add up to more than 0.");
        }

        return new MovementMix(weights);
    }

    public string Next(Random random)
    {
        var draw = random.Next(Total);
        foreach (var (type, weight) in Weights)
        {
            if (draw < weight)
            {
                return type;
            }

            draw -= weight;
        }

        return Weights[^1].Type;
    }

    public override string ToString() => string.Join(",", Weights.Select(w => $"{w.Type}={w.Weight}"));
}
