namespace Inventory.Cli;

/// <summary>What <c>events import</c> did: the file's events, those the store already held (the same rows at the same
/// positions: a resumed or repeated import), those it wrote, the file's last position; or why it refused (nothing written).</summary>
public sealed record ImportResult(long FileEvents, long AlreadyPresent, long Imported, long LastPosition, string? Refusal)
{
    public static ImportResult Refused(string reason) => new(0, 0, 0, 0, reason);
}
