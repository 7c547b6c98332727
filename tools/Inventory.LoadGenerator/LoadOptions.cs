namespace Inventory.LoadGenerator;

/// <summary>What to play: closed loop (<see cref="Scanners"/> loops, each sends when its last request was answered)
/// or open loop (<see cref="Rate"/> movements/s whatever the answers), for <see cref="Seconds"/>, against 127.0.0.1.
/// Parsed and checked by <see cref="LoadCommand"/>.</summary>
internal sealed record LoadOptions(
    Uri Url,
    string Key,
    LoadTarget Target,
    int Scanners,
    double? Rate,
    int Seconds,
    int WarmupSeconds,
    int Items,
    int Warehouses,
    double Skew,
    int Batch,
    MovementMix Mix,
    TimeSpan Timeout,
    int MaxAttempts,
    int MaxInFlight,
    long MaxMovements,
    string Label,
    int Seed)
{
    /// <summary>The label of the RESULT line when none is given: the loop and its size.</summary>
    public string DefaultLabel() => (Target, Rate) switch
    {
        (LoadTarget.Live, null) => $"live-closed-{Scanners}",
        (LoadTarget.Live, _) => $"live-open-{Rate}",
        (_, null) => Batch > 1 ? $"closed-{Scanners}x{Batch}" : $"closed-{Scanners}",
        _ => Batch > 1 ? $"open-{Rate}x{Batch}" : $"open-{Rate}",
    };
}
