using Inventory.Contracts.EventStore;
using Inventory.Contracts.StockItems;
using Inventory.EventStore;
using Inventory.StockItems;

namespace Inventory.Domain.Tests.Contracts;

/// <summary>Reading stored events this code does not know must fail loudly, never guess.</summary>
public sealed class EventSerializerTests
{
    private const string ReceivedV1Data =
        """{"quantity":5,"movementId":"0195e3a1-7c00-7000-8000-000000000001","recordedAt":"2024-05-02T08:01:00+00:00","onHandAfter":5,"reservedAfter":0}""";

    [Fact]
    public void GivenAnUnknownType_WhenDeserializing_ThenThrowsUnknownEventTypeException()
    {
        var ex = Assert.Throws<UnknownEventTypeException>(() => StockItemEventTypes.Serializer.Deserialize("stock-teleported", 1, ReceivedV1Data));

        Assert.Equal(("stock-teleported", 1), (ex.Type, ex.SchemaVersion));
    }

    [Fact]
    public void GivenATypeNameInAnotherCase_WhenDeserializing_ThenThrowsUnknownEventTypeException()
    {
        var ex = Assert.Throws<UnknownEventTypeException>(() => StockItemEventTypes.Serializer.Deserialize("Stock-Received", 1, ReceivedV1Data));

        Assert.Equal(("Stock-Received", 1), (ex.Type, ex.SchemaVersion));
    }

    [Fact]
    public void GivenTheClrNameInsteadOfTheStoredName_WhenDeserializing_ThenThrowsUnknownEventTypeException() =>
        Assert.Throws<UnknownEventTypeException>(() => StockItemEventTypes.Serializer.Deserialize(nameof(StockReceived), 1, ReceivedV1Data));

    [Theory]
    [InlineData("stock-received", 2)]
    [InlineData("stock-adjusted", 3)]
    [InlineData("reorder-point-set", 99)]
    public void GivenAFutureSchemaVersion_WhenDeserializing_ThenThrowsUnknownEventTypeException(string type, int schemaVersion)
    {
        var ex = Assert.Throws<UnknownEventTypeException>(() => StockItemEventTypes.Serializer.Deserialize(type, schemaVersion, ReceivedV1Data));

        Assert.Equal((type, schemaVersion), (ex.Type, ex.SchemaVersion));
    }

    [Theory]
    [InlineData("stock-received", 0)]
    [InlineData("stock-adjusted", 0)]
    [InlineData("stock-adjusted", -1)]
    public void GivenASchemaVersionBelowOne_WhenDeserializing_ThenThrowsUnknownEventTypeException(string type, int schemaVersion)
    {
        var ex = Assert.Throws<UnknownEventTypeException>(() => StockItemEventTypes.Serializer.Deserialize(type, schemaVersion, ReceivedV1Data));

        Assert.Equal((type, schemaVersion), (ex.Type, ex.SchemaVersion));
    }

    [Fact]
    public void GivenAFutureSchemaVersion_WhenReadingCurrentData_ThenThrowsUnknownEventTypeException() =>
        Assert.Throws<UnknownEventTypeException>(() => StockItemEventTypes.Serializer.CurrentData("stock-received", 2, ReceivedV1Data));

    [Fact]
    public void GivenAnEventTypeWithoutAStoredName_WhenNamingIt_ThenThrowsInvalidOperationException() =>
        Assert.Throws<InvalidOperationException>(() => StockItemEventTypes.Serializer.NameOf(new UnregisteredEvent
        {
            MovementId = Guid.Empty, RecordedAt = default, OnHandAfter = 0, ReservedAfter = 0,
        }));

    private sealed record UnregisteredEvent : StockItemEvent;
}
