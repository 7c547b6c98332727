using Inventory.Contracts.StockItems;
using Inventory.Contracts.Transfers;
using Inventory.EventStore;
using Inventory.Hosting;
using Inventory.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Providers;

namespace Inventory.Transfers;

/// <summary>
/// One transfer: <see cref="TransferDecisions"/> for requests, <see cref="TransferProcess"/> for the steps, and the
/// process-manager machinery of <see cref="ProcessManagerGrain{TState, TEvent}"/> (its own log, reminders, resumption).
/// </summary>
[GrainType(GrainTypeName)]
[LogConsistencyProvider(ProviderName = ProviderNames.EventStore)]
public sealed class TransferGrain(IEventStore store, TimeProvider time, IOptions<ProcessOptions> options, TransferMetrics metrics, ILogger<TransferGrain> logger)
    : ProcessManagerGrain<TransferState, TransferEvent>(store, time, options.Value, logger), ITransferGrain
{
    public const string GrainTypeName = "transfer";

    protected override EventSerializer<TransferEvent> Serializer => TransferEventTypes.Serializer;

    protected override TransferState EmptyState => TransferState.Empty;

    public async Task<TransferResult> StartAsync(StartTransfer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var transferId = this.GetPrimaryKeyString();
        if (!Current.Exists && TransferDecisions.Invalid(transferId, command) is null && await ShortLineAsync(command) is { } shortLine)
        {
            // Refused before anything is written, as a refused movement is. The process's own compensation below covers
            // what this check cannot: stock taken by someone else between the check and the dispatch.
            return new TransferResult { Rejection = DispatchFailed(shortLine), Failure = shortLine };
        }

        var decision = await HandleAsync(command.Principal, (state, now) => TransferDecisions.Start(state, transferId, command, now));
        if (decision.Rejection is null && Current.Refusal is { } refusal && Current.RequestFingerprint == command.Fingerprint())
        {
            // All lines or none: the request did not move anything, and says which line failed and why.
            return await ResultAsync(decision with { Rejection = DispatchFailed(refusal) }) with { Failure = refusal };
        }

        return await ResultAsync(decision);
    }

    public async Task<TransferResult> ReceiveAsync(ReceiveTransferLines command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await ResultAsync(await HandleAsync(command.Principal, (state, now) => TransferDecisions.Receive(state, command, now)));
    }

    public async Task<TransferResult> CancelAsync(CancelTransfer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await ResultAsync(await HandleAsync(command.Principal, (state, now) => TransferDecisions.Cancel(state, command, now)));
    }

    public async Task<TransferDetails?> GetAsync()
    {
        try
        {
            // A read also moves an unfinished transfer on; if it cannot, the reader still gets where it stands.
            await RunAsync();
        }
        catch (StorageUnavailableException)
        {
        }

        return Current.Exists ? await DetailsAsync() : null;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Report(this.GetPrimaryKeyString(), null);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    protected override void AfterRun(TransferState state) =>
        metrics.Report(this.GetPrimaryKeyString(), state.Status == TransferStatuses.InTransit ? state.DispatchedAt : null);

    protected override string StreamIdOf(string key) => TransferStream.Id(key);

    protected override TransferState Evolve(TransferState state, TransferEvent @event) => TransferState.Evolve(state, @event);

    protected override ProcessStep<TransferEvent>? NextStep(TransferState state, DateTimeOffset now) => TransferProcess.Next(state, now);

    protected override bool IsOpen(TransferState state) => state.Exists && !state.Ended;

    protected override Guid MovementOf(TransferEvent @event) => @event.MovementId;

    protected override DateTimeOffset RecordedAtOf(TransferEvent @event) => @event.RecordedAt;

    private static Rejection DispatchFailed(TransferFailure failure) =>
        new(TransferRejectionCodes.DispatchFailed, $"Line '{failure.Sku}' could not be dispatched ({failure.Code}: {failure.Message}); nothing moved.");

    /// <summary>The first line whose source item has too little available stock right now, or null.</summary>
    private async Task<TransferFailure?> ShortLineAsync(StartTransfer command)
    {
        var items = await Task.WhenAll(command.Lines.Select(l => GrainFactory.GetGrain<IStockItemGrain>($"{command.FromWarehouseId}/{l.Sku}").GetDetailsAsync()));
        for (var i = 0; i < items.Length; i++)
        {
            var line = command.Lines[i];
            if (items[i].Available < line.Quantity)
            {
                return new TransferFailure(line.Sku, RejectionCodes.InsufficientStock, $"Only {items[i].Available} available; cannot dispatch {line.Quantity}.");
            }
        }

        return null;
    }

    private async Task<TransferResult> ResultAsync(ProcessDecision<TransferEvent> decision) =>
        new()
        {
            Transfer = Current.Exists ? await DetailsAsync() : null,
            Rejection = decision.Rejection,
            Duplicate = decision.Duplicate,
        };

    private async Task<TransferDetails> DetailsAsync()
    {
        var state = Current;
        return new TransferDetails
        {
            TransferId = state.TransferId!,
            FromWarehouseId = state.FromWarehouseId,
            ToWarehouseId = state.ToWarehouseId,
            Reason = state.Reason,
            Status = state.Status,
            Lines = [.. state.Lines.Select(l => new TransferLineDetails { Sku = l.Sku, Requested = l.Requested, Dispatched = l.Dispatched, Received = l.Received, Returned = l.Returned })],
            RequestedAt = state.RequestedAt,
            DispatchedAt = state.DispatchedAt,
            EndedAt = state.EndedAt,
            Failure = state.Refusal,
            CancelReason = state.CancelReason,
            Version = Version,
            History = await ReadHistoryAsync(),
        };
    }
}
