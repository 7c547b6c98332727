namespace Inventory.Contracts.Projections;

/// <summary>How a projection is doing.</summary>
public enum ProjectionHealth
{
    /// <summary>Caught up with the event store (nothing committed that it has not applied, beyond the last moments).</summary>
    Live,

    /// <summary>Behind the store and moving.</summary>
    CatchingUp,

    /// <summary>A new generation is being built from position 0 while the current one serves reads.</summary>
    Rebuilding,

    /// <summary>Behind the store and not moving: something needs an operator.</summary>
    Stalled,
}
