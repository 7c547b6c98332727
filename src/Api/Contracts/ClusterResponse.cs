namespace Inventory.Api.Contracts;

/// <summary>The cluster as the management grain sees it.</summary>
public sealed record ClusterResponse(
    IReadOnlyList<SiloResponse> Silos,
    int ActiveSilos,
    int TotalActivations,
    IReadOnlyList<GrainTypeActivationsResponse> GrainTypes);
