using Inventory.Audit;
using Inventory.Contracts.Audit;

namespace Inventory.EventStore.Tests.Contract;

/// <summary>
/// What every <see cref="IOperatorAuditStore"/> must do, run against each implementation through a concrete subclass.
/// Tests of one class may share a store (never concurrently): each test finds its own actions by a fresh actor name.
/// </summary>
public abstract class OperatorAuditStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

    private IOperatorAuditStore? _store;

    protected IOperatorAuditStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IOperatorAuditStore> CreateStoreAsync();

    [Fact]
    public async Task GivenAnAction_WhenAppended_ThenItGetsAnIdAndReadsBackTheSame()
    {
        var action = NewAction(NewActor(), OperatorOutcomes.Refused, 404, "projection-not-found");

        var stored = await Store.AppendAsync(action with { Id = 999_999 });
        var read = await Store.ListAsync(stored.Id - 1, 1);

        Assert.True(stored.Id > 0);
        Assert.Equal(action with { Id = stored.Id }, stored);
        Assert.Equal([stored], read);
    }

    [Fact]
    public async Task GivenActionsWithoutTargetProblemOrTrace_WhenAppended_ThenTheNullsStayNull()
    {
        var action = NewAction(NewActor(), OperatorOutcomes.Ok, 204, null) with { Target = null, TraceId = null };

        var stored = await Store.AppendAsync(action);

        Assert.Equal(action with { Id = stored.Id }, Assert.Single(await Store.ListAsync(stored.Id - 1, 1)));
    }

    [Fact]
    public async Task GivenSeveralActions_WhenListedAfterAnId_ThenAscendingIdsAfterItAtMostTheLimit()
    {
        var actor = NewActor();
        var stored = new List<OperatorAction>();
        for (var i = 0; i < 5; i++)
        {
            stored.Add(await Store.AppendAsync(NewAction(actor, OperatorOutcomes.Ok, 200, null) with { Target = $"t{i}" }));
        }

        var first = await Store.ListAsync(stored[0].Id - 1, 2);
        var rest = await Store.ListAsync(first[^1].Id, 10);

        Assert.Equal(stored.Select(a => a.Id).Order(), stored.Select(a => a.Id));
        Assert.Equal(stored.Take(2), first);
        Assert.Equal(stored.Skip(2), rest.Where(a => a.Actor == actor));
        Assert.Empty(await Store.ListAsync(stored[^1].Id, 10));
        Assert.Empty(await Store.ListAsync(0, 0));
    }

    [Fact]
    public async Task GivenOverlongTexts_WhenAppended_ThenTheyAreCut()
    {
        var action = NewAction(NewActor(), OperatorOutcomes.Failed, 500, "internal-error") with { Target = new string('t', 5_000) };

        var stored = await Store.AppendAsync(action);

        Assert.Equal(200, stored.Target!.Length);
        Assert.Equal(stored, Assert.Single(await Store.ListAsync(stored.Id - 1, 1)));
    }

    private static string NewActor() => $"op-{Guid.NewGuid():N}";

    private static OperatorAction NewAction(string actor, string outcome, int status, string? problem) =>
        new(0, T0, actor, "projection.rebuild", "warehouses", outcome, status, problem, "0af7651916cd43dd8448eb211c80319c");
}
