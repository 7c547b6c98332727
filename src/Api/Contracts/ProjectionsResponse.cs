namespace Inventory.Api.Contracts;

/// <summary>Every projection's figures, by name.</summary>
public sealed record ProjectionsResponse(IReadOnlyList<ProjectionStatusResponse> Projections);
