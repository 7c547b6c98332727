using Inventory.Contracts.Audit;

namespace Inventory.Audit;

/// <summary>The embedded default <see cref="IOperatorAuditStore"/>: actions in process memory, same semantics as the
/// PostgreSQL one (same contract tests). Nothing survives the process.</summary>
public sealed class InMemoryOperatorAuditStore : IOperatorAuditStore
{
    private readonly Lock _gate = new();
    private readonly List<OperatorAction> _actions = [];

    public Task<OperatorAction> AppendAsync(OperatorAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            var stored = OperatorAuditText.Clean(action) with { Id = _actions.Count + 1 };
            _actions.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<OperatorAction>> ListAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<OperatorAction> page = _actions.Where(a => a.Id > afterId).Take(Math.Max(limit, 0)).ToArray();
            return Task.FromResult(page);
        }
    }
}
