using Inventory.Contracts.Schemas;
using Inventory.EventStore;
using Inventory.Orders;
using Inventory.StockItems;
using Inventory.Transfers;

namespace Inventory.Domain.Tests.Schemas;

/// <summary>
/// The schema gate, on the real types and the checked-in schemas: a change to the shape of an event, the snapshot or the
/// metadata without a new registered version (and, for an event, an upcaster from the old one) fails here, saying what to
/// do. <see cref="SchemaGateFailureTests"/> proves each check can fail.
/// </summary>
public sealed class SchemaGateTests
{
    private static readonly SchemaCatalogue Catalogue = SchemaCatalogue.Embedded;

    [Fact]
    public void GivenEveryEventTypeTheSerializerWrites_ThenItsCurrentSchemaIsRegisteredInItsShapeAndEveryOldVersionHasAnUpcaster() =>
        AssertNoFailures(SchemaGate.CheckEvents(StockItemEventTypes.Serializer, Catalogue, "StockItemEventTypes.Serializer"));

    [Fact]
    public void GivenEveryEventTypeATransferWrites_ThenItsCurrentSchemaIsRegisteredInItsShape() =>
        AssertNoFailures(SchemaGate.CheckWritten(TransferEventTypes.Serializer, Catalogue, "TransferEventTypes.Serializer"));

    [Fact]
    public void GivenEveryEventTypeAnOrderWrites_ThenItsCurrentSchemaIsRegisteredInItsShape() =>
        AssertNoFailures(SchemaGate.CheckWritten(OrderEventTypes.Serializer, Catalogue, "OrderEventTypes.Serializer"));

    [Fact]
    public void GivenTheSnapshotTheStreamWrites_ThenItsSchemaIsRegisteredAsCurrentInTheStateShape() =>
        AssertNoFailures(SchemaGate.CheckSnapshot(typeof(StockItem), StockItemStream.SnapshotType, StockItemStream.SnapshotSchemaVersion, Catalogue,
            EventSerializer<StockItemEvent>.JsonOptions));

    [Fact]
    public void GivenTheMetadataWrittenBesideEveryEvent_ThenItsSchemaIsRegisteredAsCurrentInTheRecordShape() =>
        AssertNoFailures(SchemaGate.CheckMetadata(typeof(EventMetadata), EventMetadata.SchemaType, EventMetadata.SchemaVersion, Catalogue,
            EventSerializer<StockItemEvent>.JsonOptions));

    [Fact]
    public void GivenEveryConcreteEventType_ThenTheSerializerWritesIt() =>
        Assert.Equal(
            Contracts.StoredEventReplayTests.ConcreteEventTypes(),
            StockItemEventTypes.Serializer.Types.Select(t => t.Type).OrderBy(t => t.Name, StringComparer.Ordinal));

    internal static void AssertNoFailures(IReadOnlyList<string> failures) =>
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
}
