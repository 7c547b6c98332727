namespace Inventory.LoadGenerator;

/// <summary>What the load generator reads of a batch's answer: one status per movement, in order.</summary>
internal sealed record BatchAnswer(IReadOnlyList<BatchAnswerResult> Results);
