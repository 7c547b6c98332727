namespace Inventory.Contracts.Audit;

/// <summary>The operator audit log: the API records every operator action here and lists them.</summary>
[Alias("inventory.operator-audit")]
public interface IOperatorAuditGrain : IGrainWithIntegerKey
{
    /// <summary>Stores the action and returns it with its id. Not retry-safe: a repeated call records it twice.</summary>
    [Alias("record")]
    Task<OperatorAction> RecordAsync(OperatorAction action);

    /// <summary>Actions by id ascending after <paramref name="afterId"/>, at most <paramref name="limit"/> (1 to 1000).</summary>
    [RetrySafe]
    [Alias("list")]
    Task<IReadOnlyList<OperatorAction>> ListAsync(long afterId, int limit);
}
