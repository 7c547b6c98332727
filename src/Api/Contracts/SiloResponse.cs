namespace Inventory.Api.Contracts;

/// <summary>A cluster member as the membership table knows it; activation count when it is active.</summary>
public sealed record SiloResponse(
    string Address,
    string? Name,
    string? HostName,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset IAmAliveAt,
    int? Activations);
