namespace Inventory.Api.Contracts;

/// <summary>One result per movement of the request, in the same order.</summary>
public sealed record MovementBatchResponse(IReadOnlyList<MovementBatchResult> Results);
