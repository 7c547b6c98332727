namespace Inventory.LoadGenerator;

/// <summary>What the requests hit: movements (the real thing) or <c>GET /health/live</c> (the HTTP stack's own ceiling).</summary>
internal enum LoadTarget
{
    Movements,
    Live,
}
