namespace Inventory.Contracts.StockItems;

/// <summary>
/// A stock movement asked for by a scanner or an operator. Every command carries a client-generated
/// <see cref="MovementId"/>: retrying the same movement never applies it twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.stock-command")]
public abstract record StockCommand
{
    [Id(0)] public required Guid MovementId { get; init; }

    /// <summary>The scanner or device that sent the movement, when known.</summary>
    [Id(1)] public string? ScannerId { get; init; }

    /// <summary>When the scanner says the movement happened (its own clock).</summary>
    [Id(2)] public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>Ties the events of one business operation together across items.</summary>
    [Id(3)] public string? CorrelationId { get; init; }

    /// <summary>Who sent the movement: the authenticated API key's name (see <see cref="Principals"/>); null when no
    /// authenticated caller is known. Kept in the event's metadata; not part of <see cref="Fingerprint"/>, so a retry
    /// under another key is still the same movement (answered as a retry, its first principal kept).</summary>
    [Id(4)] public string? Principal { get; init; }

    /// <summary>A stable, canonical description of what the command asks for, used to tell a retry
    /// of the same movement from a different movement that reuses its id.</summary>
    public abstract string Fingerprint();
}
