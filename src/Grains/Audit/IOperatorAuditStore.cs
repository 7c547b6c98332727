using Inventory.Contracts.Audit;

namespace Inventory.Audit;

/// <summary>Durable keeping of operator actions (PostgreSQL, or memory in the embedded default). Append-only.</summary>
public interface IOperatorAuditStore
{
    /// <summary>Appends the action; returns it with the id the store assigned (ascending in append order).</summary>
    Task<OperatorAction> AppendAsync(OperatorAction action, CancellationToken cancellationToken = default);

    /// <summary>Actions by id ascending after <paramref name="afterId"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OperatorAction>> ListAsync(long afterId, int limit, CancellationToken cancellationToken = default);
}
