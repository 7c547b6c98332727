using Inventory.Contracts.Transfers;

namespace Inventory.Transfers;

// The events of a transfer's own log (stream transfer:{transferId}): a public contract like the item events. Stored
// names and schema versions are in TransferEventTypes.cs; never rename a stored name, never reuse or renumber an [Id].
// An event that records an item step's outcome carries the item movement's id as its own movement id, so the two
// read side by side in the ledger.

/// <summary>Base of every transfer event.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-event")]
public abstract record TransferEvent
{
    [Id(0)] public required Guid MovementId { get; init; }

    [Id(1)] public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>The transfer was asked for; its lines are dispatched next, in order.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-requested")]
public sealed record TransferRequested : TransferEvent
{
    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required string FromWarehouseId { get; init; }

    [Id(2)] public required string ToWarehouseId { get; init; }

    [Id(3)] public required IReadOnlyList<TransferLine> Lines { get; init; }

    [Id(4)] public string? Reason { get; init; }
}

/// <summary>The source item dispatched a line (its event is at <see cref="ItemVersion"/>, global <see cref="Position"/>).</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-line-dispatched")]
public sealed record TransferLineDispatched : TransferEvent
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }

    [Id(2)] public required int ItemVersion { get; init; }

    [Id(3)] public required long Position { get; init; }
}

/// <summary>The source item refused to dispatch a line: the lines dispatched before it go back.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-line-refused")]
public sealed record TransferLineRefused : TransferEvent
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }

    [Id(2)] public required string Code { get; init; }

    [Id(3)] public required string Message { get; init; }
}

/// <summary>A receipt at the destination was accepted (within what is in transit); its lines are received next.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-receipt-accepted")]
public sealed record TransferReceiptAccepted : TransferEvent
{
    [Id(0)] public required Guid ReceiptId { get; init; }

    [Id(1)] public required IReadOnlyList<TransferLine> Lines { get; init; }
}

/// <summary>The destination item received a line of a receipt.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-line-received")]
public sealed record TransferLineReceived : TransferEvent
{
    [Id(0)] public required Guid ReceiptId { get; init; }

    [Id(1)] public required string Sku { get; init; }

    [Id(2)] public required int Quantity { get; init; }

    [Id(3)] public required int ItemVersion { get; init; }

    [Id(4)] public required long Position { get; init; }
}

/// <summary>A cancel was accepted: what is in transit goes back to the source next.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-cancel-requested")]
public sealed record TransferCancelRequested : TransferEvent
{
    [Id(0)] public string? Reason { get; init; }
}

/// <summary>The source item took back a line's units that will not arrive.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-line-returned")]
public sealed record TransferLineReturned : TransferEvent
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }

    [Id(2)] public required int ItemVersion { get; init; }

    [Id(3)] public required long Position { get; init; }
}

/// <summary>Everything dispatched arrived.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-completed")]
public sealed record TransferCompleted : TransferEvent;

/// <summary>The cancel is done: nothing is in transit any more.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-cancelled")]
public sealed record TransferCancelled : TransferEvent;

/// <summary>The compensation after a refused line is done: every dispatched line went back.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-failed")]
public sealed record TransferFailed : TransferEvent;
