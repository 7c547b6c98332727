namespace Inventory.Api.Tests.Fuzz;

/// <summary>The one thing an otherwise valid request gets wrong (<see cref="None"/>: nothing).</summary>
internal sealed record FuzzTarget(FuzzTargetKind Kind, FuzzParameter? Parameter = null)
{
    public static readonly FuzzTarget None = new(FuzzTargetKind.None);
}
