namespace Inventory.Api.Contracts;

/// <summary>One recorded operator action: who (key name), when, what on which target, the outcome (ok, refused,
/// failed) with the HTTP status and the problem code unless ok, the request's trace id.</summary>
public sealed record OperatorActionResponse(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Target,
    string Outcome,
    int Status,
    string? Problem,
    string? TraceId);
