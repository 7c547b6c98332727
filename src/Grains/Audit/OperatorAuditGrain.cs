using Inventory.Contracts.Audit;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Inventory.Audit;

/// <summary>The operator audit log in front of its <see cref="IOperatorAuditStore"/>; every recorded action is also logged.</summary>
[StatelessWorker]
[GrainType("operator-audit")]
public sealed partial class OperatorAuditGrain(IOperatorAuditStore store, ILogger<OperatorAuditGrain> logger) : Grain, IOperatorAuditGrain
{
    public const int MaxLimit = 1000;

    public async Task<OperatorAction> RecordAsync(OperatorAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var stored = await store.AppendAsync(action);
        LogRecorded(logger, stored.Id, stored.Actor, stored.Action, stored.Target, stored.Outcome, stored.Status, stored.Problem);
        return stored;
    }

    public Task<IReadOnlyList<OperatorAction>> ListAsync(long afterId, int limit) =>
        store.ListAsync(Math.Max(afterId, 0), Math.Clamp(limit, 1, MaxLimit));

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator action {AuditId}: {Actor} {Action} {Target}: {Outcome} ({Status} {Problem})")]
    private static partial void LogRecorded(ILogger logger, long auditId, string actor, string action, string? target, string outcome, int status, string? problem);
}
