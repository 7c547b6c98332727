using Inventory.EventStore;
using Inventory.Processes;
using Inventory.Transfers;

namespace Inventory.Domain.Tests.Processes;

/// <summary>A process manager's log keeps who sent each request in the metadata; loading it tells who drives the process
/// now (the principal of its latest event), which a resumed process hands to its next steps.</summary>
public sealed class ProcessStreamPrincipalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenRequestsByTwoPrincipals_WhenLoaded_ThenThePrincipalIsTheLatestEventsAndHistoryShowsEach()
    {
        var stream = NewStream();
        Assert.Equal(AppendStatus.Appended, (await stream.AppendAsync(0, [Requested()], Metadata("dispatcher-1"))).Status);
        Assert.Equal(AppendStatus.Appended, (await stream.AppendAsync(1, [CancelRequested()], Metadata("ops-ann"))).Status);

        var (_, version, principal) = await stream.LoadAsync(0, (count, _) => count + 1);
        var history = stream.History(await stream.ReadAllAsync());

        Assert.Equal((2, "ops-ann"), (version, principal));
        Assert.Equal(["dispatcher-1", "ops-ann"], history.Select(e => e.Principal));
    }

    [Fact]
    public async Task GivenAnOldLogWithoutPrincipals_WhenLoaded_ThenNoPrincipalAndHistoryShowsNull()
    {
        var stream = NewStream();
        await stream.AppendAsync(0, [Requested()], new EventMetadata(CorrelationId: stream.StreamId));

        var (_, version, principal) = await stream.LoadAsync(0, (count, _) => count + 1);

        Assert.Equal((1, null), (version, principal));
        Assert.Null(Assert.Single(stream.History(await stream.ReadAllAsync())).Principal);
    }

    [Fact]
    public async Task GivenAnEmptyLog_WhenLoaded_ThenNoPrincipal() =>
        Assert.Equal((0, 0, (string?)null), await NewStream().LoadAsync(0, (count, _) => count + 1));

    private static ProcessStream<TransferEvent> NewStream() =>
        new(new InMemoryEventStore(), TransferStream.Id("t-" + Guid.NewGuid().ToString("N")[..8]), TransferEventTypes.Serializer, e => e.MovementId, e => e.RecordedAt);

    private static EventMetadata Metadata(string principal) => new(CorrelationId: "transfer", Principal: principal);

    private static TransferRequested Requested() => new()
    {
        MovementId = Guid.NewGuid(), RecordedAt = T0, TransferId = "t-1", FromWarehouseId = "wh-a", ToWarehouseId = "wh-b", Lines = [new("sku-1", 2)],
    };

    private static TransferCancelRequested CancelRequested() => new() { MovementId = Guid.NewGuid(), RecordedAt = T0.AddMinutes(1) };
}
