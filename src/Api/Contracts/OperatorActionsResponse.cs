namespace Inventory.Api.Contracts;

/// <summary>A page of the operator audit log by id; <see cref="Next"/> is the URL of the next page, null on the last.</summary>
public sealed record OperatorActionsResponse(IReadOnlyList<OperatorActionResponse> Items, string? Next);
