namespace Inventory.Contracts.Audit;

/// <summary>
/// One operator action as the audit log keeps it: who (<see cref="Actor"/>, the key name), when, what
/// (<see cref="Action"/> on <see cref="Target"/>), the outcome (<see cref="OperatorOutcomes"/>) with the HTTP status and,
/// unless it was ok, the problem code, and the request's trace id. <see cref="Id"/> is assigned by the store (0 before).
/// </summary>
[GenerateSerializer, Immutable, Alias("operator-action")]
public sealed record OperatorAction(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string? Target,
    [property: Id(5)] string Outcome,
    [property: Id(6)] int Status,
    [property: Id(7)] string? Problem,
    [property: Id(8)] string? TraceId);
