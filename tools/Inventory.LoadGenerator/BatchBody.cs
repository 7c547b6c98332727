namespace Inventory.LoadGenerator;

/// <summary>The JSON body of <c>POST /api/v1/movements/batch</c>.</summary>
internal sealed record BatchBody(IReadOnlyList<MovementBody> Movements);
