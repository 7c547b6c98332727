namespace Inventory.Api.Contracts;

/// <summary>A page of dead letters by id; <see cref="Next"/> is the URL of the next page, null on the last.</summary>
public sealed record DeadLettersResponse(IReadOnlyList<DeadLetterResponse> Items, string? Next);
