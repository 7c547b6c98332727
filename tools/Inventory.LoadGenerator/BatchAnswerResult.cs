namespace Inventory.LoadGenerator;

/// <summary>The status one movement of a batch would have had alone (201, 200, 409, 4xx, 503...).</summary>
internal sealed record BatchAnswerResult(int Status);
