using Inventory.Contracts.Orders;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.Hosting;
using Inventory.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Providers;

namespace Inventory.Orders;

/// <summary>
/// One order: <see cref="OrderDecisions"/> for requests, <see cref="OrderProcess"/> for the steps, and the
/// process-manager machinery of <see cref="ProcessManagerGrain{TState, TEvent}"/> (its own log, reminders, resumption).
/// </summary>
[GrainType(GrainTypeName)]
[LogConsistencyProvider(ProviderName = ProviderNames.EventStore)]
public sealed class OrderGrain(IEventStore store, TimeProvider time, IOptions<ProcessOptions> options, ILogger<OrderGrain> logger)
    : ProcessManagerGrain<OrderState, OrderEvent>(store, time, options.Value, logger), IOrderGrain
{
    public const string GrainTypeName = "order";

    protected override EventSerializer<OrderEvent> Serializer => OrderEventTypes.Serializer;

    protected override OrderState EmptyState => OrderState.Empty;

    public async Task<OrderResult> ReserveAsync(ReserveOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var orderId = this.GetPrimaryKeyString();
        if (!Current.Exists && OrderDecisions.Invalid(orderId, command) is null && await ShortLineAsync(orderId, command) is { } shortLine)
        {
            // Refused before anything is written, as a refused movement is. The process's own compensation below covers
            // what this check cannot: stock taken by someone else between the check and the reservation.
            return new OrderResult { Rejection = ReservationFailed(shortLine), Failure = shortLine };
        }

        var decision = await HandleAsync(command.Principal, (state, now) => OrderDecisions.Reserve(state, orderId, command, now));
        if (decision.Rejection is null && Current.Refusal is { } refusal && Current.RequestFingerprint == command.Fingerprint())
        {
            // All lines or none: the request holds nothing, and says which line failed and why.
            return await ResultAsync(decision with { Rejection = ReservationFailed(refusal) }) with { Failure = refusal };
        }

        return await ResultAsync(decision);
    }

    public async Task<OrderResult> PickAsync(PickOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var decision = await HandleAsync(command.Principal, (state, now) => OrderDecisions.Pick(state, command, now));
        if (decision.Rejection is null && Current.Picks.Find(p => p.PickId == command.PickId)?.Failure is { } failure)
        {
            // The order's reservation at the item no longer held what the order counted on; the pick's other lines were picked.
            var rejection = new Rejection(OrderRejectionCodes.PickFailed,
                $"Line '{failure.Sku}' could not be picked ({failure.Code}: {failure.Message}); the pick's other lines were picked.");
            return await ResultAsync(decision with { Rejection = rejection }) with { Failure = failure };
        }

        return await ResultAsync(decision);
    }

    public async Task<OrderResult> ReleaseAsync(ReleaseOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await ResultAsync(await HandleAsync(command.Principal, (state, now) => OrderDecisions.Release(state, command, now)));
    }

    public async Task<OrderDetails?> GetAsync()
    {
        try
        {
            // A read also moves an unfinished order on; if it cannot, the reader still gets where it stands.
            await RunAsync();
        }
        catch (StorageUnavailableException)
        {
        }

        return Current.Exists ? await DetailsAsync() : null;
    }

    protected override string StreamIdOf(string key) => OrderStream.Id(key);

    protected override OrderState Evolve(OrderState state, OrderEvent @event) => OrderState.Evolve(state, @event);

    protected override ProcessStep<OrderEvent>? NextStep(OrderState state, DateTimeOffset now) => OrderProcess.Next(state, now);

    protected override bool IsOpen(OrderState state) => state.Exists && !state.Ended;

    protected override Guid MovementOf(OrderEvent @event) => @event.MovementId;

    protected override DateTimeOffset RecordedAtOf(OrderEvent @event) => @event.RecordedAt;

    private static Rejection ReservationFailed(OrderFailure failure) =>
        new(OrderRejectionCodes.ReservationFailed, $"Line '{failure.Sku}' could not be reserved ({failure.Code}: {failure.Message}); nothing is held.");

    /// <summary>The first line whose item has too little available stock right now (or already holds a reservation of the
    /// order's id, opened at the item directly), or null.</summary>
    private async Task<OrderFailure?> ShortLineAsync(string orderId, ReserveOrder command)
    {
        var reservationId = OrderIds.ReservationId(orderId);
        var items = await Task.WhenAll(command.Lines.Select(l => GrainFactory.GetGrain<IStockItemGrain>($"{command.WarehouseId}/{l.Sku}").GetDetailsAsync()));
        for (var i = 0; i < items.Length; i++)
        {
            var line = command.Lines[i];
            if (items[i].Reservations.Any(r => r.ReservationId == reservationId))
            {
                return new OrderFailure(line.Sku, RejectionCodes.ReservationAlreadyOpen, $"Reservation '{reservationId}' is already open.");
            }

            if (items[i].Available < line.Quantity)
            {
                return new OrderFailure(line.Sku, RejectionCodes.InsufficientStock, $"Only {items[i].Available} available; cannot reserve {line.Quantity}.");
            }
        }

        return null;
    }

    private async Task<OrderResult> ResultAsync(ProcessDecision<OrderEvent> decision) =>
        new()
        {
            Order = Current.Exists ? await DetailsAsync() : null,
            Rejection = decision.Rejection,
            Duplicate = decision.Duplicate,
        };

    private async Task<OrderDetails> DetailsAsync()
    {
        var state = Current;
        return new OrderDetails
        {
            OrderId = state.OrderId!,
            WarehouseId = state.WarehouseId,
            Status = state.Status,
            Lines = [.. state.Lines.Select(l => new OrderLineDetails
            {
                Sku = l.Sku, Requested = l.Requested, Reserved = l.Reserved, Picked = l.Picked, Released = l.Released, ReleasedOutside = l.ReleasedOutside,
            })],
            RequestedAt = state.RequestedAt,
            ReservedAt = state.ReservedAt,
            EndedAt = state.EndedAt,
            Failure = state.Refusal,
            ReleaseReason = state.ReleaseReason,
            Version = Version,
            History = await ReadHistoryAsync(),
        };
    }
}
