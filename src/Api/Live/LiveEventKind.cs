namespace Inventory.Api.Live;

/// <summary>The kinds of <see cref="LiveEvent"/>; the SSE <c>event:</c> field.</summary>
public enum LiveEventKind
{
    Movement,
    Resync,
}
