namespace Inventory.Contracts;

/// <summary>The limits of the quantities one movement may carry.</summary>
public static class Quantities
{
    /// <summary>The largest quantity one movement receives, picks, reserves, releases or counts, and the largest
    /// adjustment either way.</summary>
    public const int Max = 1_000_000;
}
