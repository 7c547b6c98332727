using Inventory.Contracts.Transfers;

namespace Inventory.Transfers;

/// <summary>An accepted receipt: its lines are received at the destination one by one.</summary>
[GenerateSerializer, Immutable, Alias("inventory.transfer-receipt")]
public sealed record TransferReceipt([property: Id(0)] Guid ReceiptId, [property: Id(1)] IReadOnlyList<TransferLine> Lines);
