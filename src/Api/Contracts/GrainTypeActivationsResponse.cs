namespace Inventory.Api.Contracts;

/// <summary>How many activations of one grain type the cluster holds.</summary>
public sealed record GrainTypeActivationsResponse(string GrainType, int Activations);
