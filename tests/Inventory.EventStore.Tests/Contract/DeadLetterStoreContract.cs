using Inventory.Contracts.EventStore;
using Inventory.Contracts.Projections;
using Inventory.Projections;

namespace Inventory.EventStore.Tests.Contract;

/// <summary>
/// What every <see cref="IDeadLetterStore"/> must do, run against each implementation through a concrete subclass.
/// Tests of one class may share a store (never concurrently): each test uses its own projections.
/// </summary>
public abstract class DeadLetterStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

    private IDeadLetterStore? _store;

    protected IDeadLetterStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IDeadLetterStore> CreateStoreAsync();

    [Fact]
    public async Task GivenANewLetter_WhenParkingIt_ThenItIsStoredOpenWithAnIdAndReadsBackTheSame()
    {
        var letter = NewLetter(NewProjection(), attempts: 3);

        var parked = await Store.ParkAsync(letter with { Id = 999_999, RedrivenAt = T0 });
        var read = await Store.GetAsync(parked.Id);

        Assert.True(parked.Id > 0);
        Assert.Equal(letter with { Id = parked.Id }, parked);
        Assert.Equal(parked, read);
        Assert.Null(await Store.GetAsync(parked.Id + 1_000));
    }

    [Fact]
    public async Task GivenARedrivenLetter_WhenTheSameEventIsParkedAgain_ThenAttemptsAddUpTheLatestErrorIsKeptAndItIsOpenAgain()
    {
        var projection = NewProjection();
        var first = await Store.ParkAsync(NewLetter(projection, attempts: 3, error: "first failure"));
        await Store.MarkRedrivenAsync(first.Id, T0.AddMinutes(1));

        var again = await Store.ParkAsync(first with { Id = 0, Attempts = 2, Error = "second failure", ParkedAt = T0.AddMinutes(2) });
        var elsewhere = await Store.ParkAsync(first with { Id = 0, Projection = NewProjection() });

        Assert.Equal(first with { Attempts = 5, Error = "second failure", ParkedAt = T0.AddMinutes(2), RedrivenAt = null }, again);
        Assert.Equal(again, await Store.GetAsync(first.Id));
        Assert.NotEqual(first.Id, elsewhere.Id);
        Assert.Equal(3, elsewhere.Attempts);
    }

    [Fact]
    public async Task GivenOpenLetters_WhenMarkingOneRedriven_ThenItCarriesTheTimeAndTheOpenCountsDropByOne()
    {
        var (a, b) = (NewProjection(), NewProjection());
        var letters = new List<DeadLetter>();
        foreach (var projection in new[] { a, a, a, b })
        {
            letters.Add(await Store.ParkAsync(NewLetter(projection)));
        }

        var marked = await Store.MarkRedrivenAsync(letters[1].Id, T0.AddHours(1));
        var unknown = await Store.MarkRedrivenAsync(letters[^1].Id + 1_000, T0.AddHours(1));
        var counts = await Store.CountOpenAsync();

        Assert.True(marked);
        Assert.False(unknown);
        Assert.Equal(T0.AddHours(1), (await Store.GetAsync(letters[1].Id))?.RedrivenAt);
        Assert.Equal(2, counts[a]);
        Assert.Equal(1, counts[b]);
    }

    [Fact]
    public async Task GivenLettersOfTwoProjections_WhenListing_ThenTheyComeInIdOrderFilteredByProjectionAndOpennessAndPaged()
    {
        var (a, b) = (NewProjection(), NewProjection());
        var letters = new List<DeadLetter>();
        foreach (var projection in new[] { a, b, a, a, b, a, a })
        {
            letters.Add(await Store.ParkAsync(NewLetter(projection)));
        }

        await Store.MarkRedrivenAsync(letters[2].Id, T0);
        var ofA = letters.Where(l => l.Projection == a).Select(l => l.Id).ToArray();
        var beforeFirst = letters[0].Id - 1;

        var all = await Store.ListAsync(null, openOnly: false, beforeFirst, 100);
        var allOfA = await Store.ListAsync(a, openOnly: false, beforeFirst, 100);
        var openOfA = await Store.ListAsync(a, openOnly: true, beforeFirst, 100);
        var firstPage = await Store.ListAsync(a, openOnly: false, beforeFirst, 2);
        var secondPage = await Store.ListAsync(a, openOnly: false, firstPage[^1].Id, 2);
        var lastPage = await Store.ListAsync(a, openOnly: false, ofA[^1], 2);
        var none = await Store.ListAsync(a, openOnly: false, beforeFirst, 0);

        Assert.Equal(letters.Select(l => l.Id), all.Select(l => l.Id));
        Assert.Equal(ofA, allOfA.Select(l => l.Id));
        Assert.Equal(ofA.Where(id => id != letters[2].Id), openOfA.Select(l => l.Id));
        Assert.Equal(ofA[..2], firstPage.Select(l => l.Id));
        Assert.Equal(ofA[2..4], secondPage.Select(l => l.Id));
        Assert.Empty(lastPage);
        Assert.Empty(none);
        Assert.Equal(T0, allOfA[1].RedrivenAt);
    }

    [Fact]
    public async Task GivenAVeryLongError_WhenParking_ThenTheStoredErrorIsCutToFourThousandCharacters()
    {
        var error = string.Concat(Enumerable.Repeat("System.InvalidOperationException: boom\n", 500));

        var parked = await Store.ParkAsync(NewLetter(NewProjection(), error: error));

        Assert.Equal(error[..4_000], parked.Error);
        Assert.Equal(error[..4_000], (await Store.GetAsync(parked.Id))?.Error);
    }

    [Fact]
    public async Task GivenALetterWithoutAttempts_WhenParking_ThenItIsRefused() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ParkAsync(NewLetter(NewProjection(), attempts: 0)));

    private static string NewProjection() => $"projection-{Guid.NewGuid():N}";

    private static DeadLetter NewLetter(string projection, int attempts = 1, string error = "System.FormatException: bad quantity") => new(
        0,
        projection,
        "partition-3",
        Guid.NewGuid(),
        $"stock-item/{Guid.NewGuid():N}",
        7,
        12_345,
        "stock-received.v1",
        error,
        attempts,
        T0,
        null);
}
