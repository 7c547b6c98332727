namespace Inventory.Api.Contracts;

/// <summary>A dead letter that was applied again: its id and outcome (<c>redriven</c>).</summary>
public sealed record RedriveResponse(long Id, string Outcome);
