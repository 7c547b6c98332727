using Inventory.Contracts.Projections;

namespace Inventory.Projections;

/// <summary>The embedded default <see cref="IDeadLetterStore"/>: letters in process memory, same semantics as the
/// PostgreSQL one (same contract tests). Nothing survives the process.</summary>
public sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    private readonly Lock _gate = new();
    private readonly List<DeadLetter> _letters = [];
    private readonly Dictionary<(string Projection, Guid EventId), int> _byEvent = [];

    public Task<DeadLetter> ParkAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentOutOfRangeException.ThrowIfLessThan(letter.Attempts, 1);
        var error = DeadLetterError.Truncate(letter.Error);
        lock (_gate)
        {
            if (_byEvent.TryGetValue((letter.Projection, letter.EventId), out var index))
            {
                var existing = _letters[index];
                _letters[index] = existing with
                {
                    Attempts = existing.Attempts + letter.Attempts,
                    Error = error,
                    ParkedAt = letter.ParkedAt,
                    RedrivenAt = null,
                };
                return Task.FromResult(_letters[index]);
            }

            var parked = letter with { Id = _letters.Count + 1, Error = error, RedrivenAt = null };
            _byEvent[(letter.Projection, letter.EventId)] = _letters.Count;
            _letters.Add(parked);
            return Task.FromResult(parked);
        }
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(string? projection, bool openOnly, long afterId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<DeadLetter> page = _letters
                .Where(l => l.Id > afterId && (projection is null || l.Projection == projection) && (!openOnly || l.RedrivenAt is null))
                .Take(Math.Max(limit, 0))
                .ToArray();
            return Task.FromResult(page);
        }
    }

    public Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(id >= 1 && id <= _letters.Count ? _letters[(int)(id - 1)] : null);
        }
    }

    public Task<bool> MarkRedrivenAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (id < 1 || id > _letters.Count)
            {
                return Task.FromResult(false);
            }

            var index = (int)(id - 1);
            _letters[index] = _letters[index] with { RedrivenAt = at };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> CountOpenAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, long> counts = _letters
                .Where(l => l.RedrivenAt is null)
                .GroupBy(l => l.Projection, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.Ordinal);
            return Task.FromResult(counts);
        }
    }
}
